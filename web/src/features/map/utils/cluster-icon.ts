// Cluster markers are icons drawn on a canvas on demand (MapLibre's missing-image resolver), because
// text labels would need glyph PBFs from a font server, and HTML markers would be slow by hundreds.

export const CLUSTER_ICON_PREFIX = 'cluster:';
const PIXEL_RATIO = 2;

/** 1234 → "1.2k", 56789 → "57k", 1234567 → "1.2M": few distinct labels means few icons. */
export function abbreviateCount(count: number): string {
  if (count < 1000) return String(count);
  const [value, unit] = count < 1_000_000 ? [count / 1000, 'k'] : [count / 1_000_000, 'M'];
  return `${value < 10 ? Math.floor(value * 10) / 10 : Math.floor(value)}${unit}`;
}

/** Size step of a cluster: 0 below 10, 1 below 100, … up to 4. */
export function sizeStep(count: number): number {
  return Math.min(4, Math.max(0, Math.floor(Math.log10(Math.max(1, count)))));
}

export function clusterIconName(count: number): string {
  return `${CLUSTER_ICON_PREFIX}${sizeStep(count)}:${abbreviateCount(count)}`;
}

const FILLS = ['#48a9a6', '#3d8fb5', '#d4a017', '#e07b39', '#c0392b'];

export interface ClusterIcon {
  width: number;
  height: number;
  data: Uint8ClampedArray;
  pixelRatio: number;
}

/** Draws the icon named by clusterIconName(); undefined for other names or without a 2D canvas. */
export function drawClusterIcon(name: string): ClusterIcon | undefined {
  if (!name.startsWith(CLUSTER_ICON_PREFIX)) return undefined;
  const [stepText, label = ''] = name.slice(CLUSTER_ICON_PREFIX.length).split(':');
  const step = Number(stepText) || 0;
  const radius = (13 + step * 4) * PIXEL_RATIO;
  const size = radius * 2 + 4 * PIXEL_RATIO;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return undefined;
  const c = size / 2;
  ctx.beginPath();
  ctx.arc(c, c, radius + 3 * PIXEL_RATIO, 0, Math.PI * 2);
  ctx.fillStyle = 'rgba(255,255,255,0.55)';
  ctx.fill();
  ctx.beginPath();
  ctx.arc(c, c, radius, 0, Math.PI * 2);
  ctx.fillStyle = FILLS[step] ?? FILLS[0]!;
  ctx.fill();
  ctx.lineWidth = 1.5 * PIXEL_RATIO;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  ctx.fillStyle = '#ffffff';
  ctx.font = `bold ${(11 + step) * PIXEL_RATIO}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, c, c + 0.5 * PIXEL_RATIO);
  return {
    width: size,
    height: size,
    data: ctx.getImageData(0, 0, size, size).data,
    pixelRatio: PIXEL_RATIO,
  };
}

// Which side of a line a point lies on, decided exactly for any doubles: PostGIS (GEOS) decides
// polygon edges exactly, so a point shown on or a hair beside an edge must be judged the same way
// here, or the two engines would disagree about holes drawn right on a polygon's boundary.

const SCALE = 1100n; // 2^1100 makes every finite double an integer (the smallest step is 2^-1074)
const view = new DataView(new ArrayBuffer(8));

/** The double as an exact integer multiple of 2^-1100. */
function exact(x: number): bigint {
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const exponent = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  if (exponent !== 0) mantissa |= 1n << 52n;
  const shift = BigInt(Math.max(exponent, 1) - 1075) + SCALE; // value = mantissa · 2^(e − 1075)
  const value = mantissa << shift;
  return high >>> 31 ? -value : value;
}

/**
 * The sign of the cross product (b − a) × (c − a): 1 when c is left of a→b, −1 right, 0 on the
 * line. Floating point answers when its error cannot change the sign; integers decide the rest.
 */
export function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const left = (bx - ax) * (cy - ay);
  const right = (by - ay) * (cx - ax);
  const det = left - right;
  // Shewchuk's bound for this expression, with room to spare.
  const bound = 1e-15 * (Math.abs(left) + Math.abs(right));
  if (det > bound) return 1;
  if (-det > bound) return -1;
  const [exAx, exAy, exBx, exBy, exCx, exCy] = [ax, ay, bx, by, cx, cy].map(exact) as [
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
  ];
  const d = (exBx - exAx) * (exCy - exAy) - (exBy - exAy) * (exCx - exAx);
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

// The server marks where the query's words matched a name as UTF-16 [start, end) ranges. They come
// from another program over the wire, so they are taken as hints: clamped to the text, sorted,
// merged where they touch, and widened rather than cutting a surrogate pair (𠮷) in half.

export type HighlightRange = readonly [number, number];

export interface TextPiece {
  text: string;
  marked: boolean;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when `index` falls between the two halves of one astral character (an emoji, 𠮷). */
export function splitsPair(text: string, index: number): boolean {
  return (
    index > 0 &&
    index < text.length &&
    isHighSurrogate(text.charCodeAt(index - 1)) &&
    isLowSurrogate(text.charCodeAt(index))
  );
}

function clamp(value: number, length: number): number {
  return Math.min(Math.max(value, 0), length);
}

/** The ranges made safe: inside the text, whole characters, non-empty, ascending, not overlapping. */
export function normaliseRanges(text: string, ranges: readonly HighlightRange[]): HighlightRange[] {
  const safe: [number, number][] = [];
  for (const [rawStart, rawEnd] of ranges) {
    if (!Number.isFinite(rawStart) || !Number.isFinite(rawEnd)) continue;
    let start = clamp(Math.floor(rawStart), text.length);
    let end = clamp(Math.ceil(rawEnd), text.length);
    // An empty range stays empty; it must not grow into the character it sits inside.
    if (end <= start) continue;
    if (splitsPair(text, start)) start -= 1;
    if (splitsPair(text, end)) end += 1;
    safe.push([start, end]);
  }
  safe.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of safe) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

/** The text cut into plain and marked pieces, in order; joined again they give the text back. */
export function splitByRanges(text: string, ranges: readonly HighlightRange[] = []): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const [start, end] of normaliseRanges(text, ranges)) {
    if (start > at) pieces.push({ text: text.slice(at, start), marked: false });
    pieces.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}

// Which sample number each cut of a request received. The server numbers the cuts in the order
// listed when the request is fulfilled; matching by interval (then by that order) keeps two cuts at
// the same depth apart. Pure, so it is tested.
import type { Cut } from '../api/get-requests.js';

const same = (a: number, b: number) => Math.abs(a - b) < 1e-6;

export function sampleNumbersFor(
  cuts: readonly Cut[],
  samples: readonly { sample_no: string; depth_from: number; depth_to: number }[],
): (string | null)[] {
  const left = [...samples].sort((a, b) => a.sample_no.localeCompare(b.sample_no));
  return cuts.map((cut) => {
    const at = left.findIndex((s) => same(s.depth_from, cut.depth_from) && same(s.depth_to, cut.depth_to));
    if (at < 0) return null;
    const [sample] = left.splice(at, 1);
    return sample!.sample_no;
  });
}

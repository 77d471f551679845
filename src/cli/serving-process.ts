// The garbage collector's setting for a serving process (decision 0007). With the search columns
// built, V8 held the old generation to a few megabytes above what was alive (93 MB live, a full
// collection at 97–104 MB), so a search server made a full collection every 30 or so searches,
// each pausing it for 15–50 ms: the slowest twentieth of searches was mostly those pauses. Letting
// the heap grow to twice what is alive before the next one costs about that much memory again.
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 100;

/**
 * Sets V8's heap growing factor for this process, unless the operator started Node with their own
 * (`node --heap-growing-percent=N`); says whether it set it. V8 reads the flag at every collection,
 * so setting it at start-up, before the store is read, is in time.
 */
export function tuneCollectorForServing(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((a) => /^--heap[-_]growing[-_]percent\b/.test(a))) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}

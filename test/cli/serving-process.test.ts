import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, tuneCollectorForServing } from '../../src/cli/serving-process.js';

describe('the serving process collector setting', () => {
  it('sets the heap growing factor unless the operator gave Node one of their own', () => {
    expect(HEAP_GROWING_PERCENT).toBe(100);
    expect(tuneCollectorForServing(['--max-old-space-size=4096'])).toBe(true);
    expect(tuneCollectorForServing([])).toBe(true);
    for (const own of ['--heap-growing-percent=50', '--heap_growing_percent=300', '--heap-growing-percent'])
      expect(tuneCollectorForServing(['--enable-source-maps', own]), own).toBe(false);
  });
});

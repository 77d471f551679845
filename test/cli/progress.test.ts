import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { FIRST_NOTE_MS, NEXT_NOTE_MS, progress } from '../../src/cli/progress.js';

/** A stderr stand-in that keeps what is written. */
function stream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = {
    isTTY,
    text: '',
    columns: 80,
    write(chunk: string) {
      s.text += chunk;
      return true;
    },
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
    on: () => s,
    removeListener: () => s,
  };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it('writes nothing off a terminal unless the work gives a note', () => {
  const out = stream(false);
  const bar = progress('import collars', { stream: out });
  bar.total(100);
  vi.advanceTimersByTime(60_000);
  bar.tick(50);
  bar.stop();
  expect(out.text).toBe('');
});

it('writes its note off a terminal after a second, then every ten seconds', () => {
  const out = stream(false);
  let done = 0;
  const bar = progress('search index boreholes', { stream: out, note: () => `${done} of 100` });
  bar.total(100);
  const step = (ms: number, n: number) => {
    vi.advanceTimersByTime(ms);
    done += n;
    bar.tick(n);
  };
  step(FIRST_NOTE_MS - 1, 10);
  expect(out.text).toBe('');
  step(1, 10);
  expect(out.text).toBe('20 of 100\n');
  step(NEXT_NOTE_MS - 1, 10);
  expect(out.text).toBe('20 of 100\n');
  step(1, 10);
  expect(out.text).toBe('20 of 100\n40 of 100\n');
  bar.stop();
});

it('draws a bar with its label on a terminal', () => {
  const out = stream(true);
  const bar = progress('search index boreholes', { stream: out, note: () => 'not on a terminal' });
  bar.total(4);
  bar.tick(2);
  bar.stop();
  expect(out.text).toContain('search index boreholes');
  expect(out.text).toContain('2/4');
  expect(out.text).not.toContain('not on a terminal');
});

// Progress on stderr for long work: a bar on a terminal; off one (pipes, CI, logs, tests) silent,
// or, when the work says how, an occasional plain line so that a log shows it is moving.
import cliProgress from 'cli-progress';

export interface Progress {
  total(n: number): void;
  tick(n?: number): void;
  stop(): void;
}

export interface ProgressOptions {
  stream?: NodeJS.WriteStream;
  /** Off a terminal: the line to write now and then (the first after a second, then every ten). */
  note?: () => string;
}

/** Off a terminal: the first progress line after a second, then one every ten seconds. */
export const FIRST_NOTE_MS = 1000;
export const NEXT_NOTE_MS = 10_000;

export function progress(label: string, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  if (!stream.isTTY) return notesOffTerminal(stream, options.note);
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% {value}/{total} {eta_formatted}`, stream, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    total(n) {
      if (!started) bar.start(n, 0);
      else bar.setTotal(n);
      started = true;
    },
    tick(n = 1) {
      if (started) bar.increment(n);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

function notesOffTerminal(stream: NodeJS.WriteStream, note: (() => string) | undefined): Progress {
  const quiet = { total: () => {}, tick: () => {}, stop: () => {} };
  if (!note) return quiet;
  let last = Date.now();
  let written = 0;
  return {
    ...quiet,
    tick() {
      const now = Date.now();
      if (now - last < (written ? NEXT_NOTE_MS : FIRST_NOTE_MS)) return;
      written++;
      last = now;
      stream.write(`${note()}\n`);
    },
  };
}

// Progress on stderr for long work; silent when stderr is not a terminal (pipes, CI, tests).
import cliProgress from 'cli-progress';

export interface Progress {
  total(n: number): void;
  tick(n?: number): void;
  stop(): void;
}

export function progress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { total: () => {}, tick: () => {}, stop: () => {} };
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

// `coreshare export <boreholes|catalog> --format csv|geojson [--out FILE]`: streams every row in id
// order to stdout or a file; the CSV reads back with `import collars` / `import catalog`.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { Command, Option } from 'commander';
import {
  EXPORT_FORMATS,
  EXPORT_KINDS,
  exportRows,
  type ExportFormat,
  type ExportKind,
} from '../../services/import/export.service.js';
import { configFrom, withStore } from '../context.js';

interface Flags {
  format: ExportFormat;
  out?: string;
  dataset?: string;
}

/** Writes with backpressure: waits for 'drain' when the stream's buffer is full; fails on a write error. */
function writer(stream: NodeJS.WritableStream): (chunk: string) => Promise<void> {
  let failure: Error | undefined;
  stream.on('error', (error: Error) => (failure = error));
  return async (chunk) => {
    if (failure) throw failure;
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
}

/** The reader went away (`coreshare export … | head`): stop quietly, like any Unix filter. */
function isClosedPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
}

export function exportCommand(): Command {
  return new Command('export')
    .description('export all boreholes or catalog records as CSV (re-importable) or GeoJSON')
    .addArgument(new Command().createArgument('<what>', EXPORT_KINDS.join('|')).choices(EXPORT_KINDS))
    .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).default('csv'))
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--dataset <name>', 'only this dataset (catalog: records linked to its holes)')
    .action(async (what: ExportKind, flags: Flags, cmd: Command) => {
      const config = configFrom(cmd);
      await withStore(config, async (store) => {
        const out = flags.out ? createWriteStream(flags.out) : process.stdout;
        let count: number;
        try {
          count = await exportRows(
            store.db,
            { kind: what, format: flags.format, dataset: flags.dataset },
            writer(out),
          );
        } catch (error) {
          if (isClosedPipe(error)) return;
          throw error;
        }
        if (out !== process.stdout) {
          (out as WriteStream).end();
          await once(out, 'finish');
        }
        process.stderr.write(
          `coreshare export: ${count.toLocaleString('en-US')} ${what} written${flags.out ? ` to ${flags.out}` : ''}\n`,
        );
      });
    });
}

// `coreshare demo`: loads the generated national demo dataset (boreholes, detail, catalog). Safe to
// run again: rows are upserted on their natural keys, so a second run updates instead of adding.
import { Command, InvalidArgumentError, Option } from 'commander';
import { loadDemo, type DemoReport } from '../../services/demo/demo.service.js';
import { configFrom, withStore } from '../context.js';
import { catchUpSearchIndex } from './search.command.js';
import { progress } from '../progress.js';

interface Flags {
  boreholes?: string;
  catalog?: number;
  seed?: string;
  detail?: number;
}

function wholeNumber(value: string): number {
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

function share(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('expected a number from 0 to 1');
  return n;
}

const n = (x: number) => x.toLocaleString('en-US');

function summary(r: DemoReport, where: string): string {
  const rows = r.boreholes + r.lithology + r.surveys + r.boxes + r.samples + r.catalog;
  return [
    `demo dataset loaded into ${where}`,
    `  custodians     ${n(r.custodians)}, organisations ${n(r.organisations)}`,
    `  boreholes      ${n(r.boreholes)}`,
    `  lithology      ${n(r.lithology)} intervals, ${n(r.surveys)} survey stations`,
    `  core boxes     ${n(r.boxes)}, samples ${n(r.samples)}`,
    `  catalog        ${n(r.catalog)} records`,
    `  time           ${r.seconds.toFixed(1)} s, ${n(Math.round(rows / Math.max(r.seconds, 0.001)))} rows/s`,
  ].join('\n');
}

export function demoCommand(): Command {
  return new Command('demo')
    .description('load the generated national demo dataset (again: updates the same rows)')
    .addOption(
      new Option('--boreholes <n>', 'boreholes to generate (default 20,000) [env: CORESHARE_DEMO_BOREHOLES]'),
    )
    .addOption(
      new Option('--catalog <n>', 'catalog records (default: twice the boreholes)').argParser(wholeNumber),
    )
    .addOption(new Option('--seed <seed>', 'same seed, same data (default 1958)'))
    .addOption(
      new Option(
        '--detail <share>',
        'share of boreholes with lithology, surveys, boxes and samples (default: all up to 20,000, then 20,000 ÷ boreholes)',
      ).argParser(share),
    )
    .action(async (flags: Flags, cmd: Command) => {
      const config = configFrom(cmd, { CORESHARE_DEMO_BOREHOLES: flags.boreholes?.replace(/[_,]/g, '') });
      const seed =
        flags.seed === undefined ? undefined : /^\d+$/.test(flags.seed) ? Number(flags.seed) : flags.seed;
      await withStore(config, async (store) => {
        const bar = progress('demo');
        let shown = 0;
        let report: DemoReport;
        try {
          report = await loadDemo(
            store,
            { boreholes: config.demoBoreholes, catalog: flags.catalog, seed, detail: flags.detail },
            ({ done, total }) => {
              if (shown === 0 && done === 0) bar.total(total);
              bar.tick(done - shown);
              shown = done;
            },
          );
        } finally {
          bar.stop();
        }
        await catchUpSearchIndex(store);
        process.stdout.write(`${summary(report, `the ${store.engine} store at ${store.location}`)}\n`);
      });
    });
}

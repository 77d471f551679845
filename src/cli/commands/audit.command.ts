// `coreshare audit verify|list`: the hash-chained audit log. `verify` re-computes every link and
// exits 1 naming the first entry changed, removed or reordered behind the application's back.
import { Command, InvalidArgumentError, Option } from 'commander';
import { listAudit, verifyAuditChain, type AuditEntryView } from '../../services/audit.service.js';
import { AppError } from '../../services/errors.js';
import { configFrom, withStore } from '../context.js';

function limit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000)
    throw new InvalidArgumentError('expected a whole number from 1 to 10,000');
  return n;
}

/** `2024-05-01T08:30:12.345Z` → `2024-05-01 08:30:12Z`: one glance, UTC as stored. */
const shortTime = (at: string) => at.replace('T', ' ').replace(/\.\d+Z$/, 'Z');

function table(items: AuditEntryView[]): string {
  const header = ['seq', 'at (UTC)', 'actor', 'action', 'outcome', 'subject'];
  const rows = items.map((e) => [
    String(e.seq),
    shortTime(e.at),
    e.actor,
    e.action,
    e.outcome,
    e.subject_type ? `${e.subject_type} ${e.subject_id ?? ''}`.trim() : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => (i === 0 ? cell.padStart(widths[0]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [header, ...rows].map(line).join('\n') + '\n';
}

export function auditCommand(): Command {
  const audit = new Command('audit').description('the hash-chained audit log (审计日志)');
  audit
    .command('verify')
    .description('re-compute the chain; exit 1 naming the first entry that does not hold')
    .action(async (_flags: unknown, cmd: Command) => {
      const result = await withStore(configFrom(cmd), (store) => verifyAuditChain(store));
      if (!result.fault) {
        process.stdout.write(
          `audit chain intact: ${result.entries} ${result.entries === 1 ? 'entry' : 'entries'}\n`,
        );
        return;
      }
      throw new AppError('audit_chain_broken', 409, result.fault.message, [
        { message: result.fault.message_zh },
      ]);
    });
  audit
    .command('list')
    .description('the newest entries first')
    .addOption(new Option('--limit <n>', 'entries to show').argParser(limit).default(20))
    .option('--action <action>', 'one action, or all starting with a prefix ending in ".", e.g. account.')
    .action(async (flags: { limit: number; action?: string }, cmd: Command) => {
      const page = await withStore(configFrom(cmd), (store) =>
        listAudit(store, { limit: flags.limit, action: flags.action }),
      );
      process.stdout.write(table(page.items));
      if (page.next_cursor) process.stderr.write(`older entries exist: raise --limit to see them\n`);
    });
  return audit;
}

import { Command } from 'commander';
import { configFrom, withStore } from '../context.js';
import { backupStore } from '../../services/backup.service.js';

export function backupCommand(): Command {
  return new Command('backup')
    .description(
      'write a consistent copy of the embedded store while it is in use (PostgreSQL: prints the pg_dump command)',
    )
    .argument('<file>', 'where to write the copy')
    .option('--force', 'overwrite an existing file')
    .action(async (file: string, options: { force?: boolean }, cmd: Command) => {
      await withStore(configFrom(cmd), async (store) => {
        const result = await backupStore(store, file, options.force);
        process.stdout.write(`backup written: ${result.file} (${(result.bytes / 1048576).toFixed(1)} MiB)\n`);
      });
    });
}

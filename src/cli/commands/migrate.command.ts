import { Command } from 'commander';
import { configFrom, withStore } from '../context.js';

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('create the store or bring its schema up to date')
    .action(async (_o, cmd: Command) => {
      const config = configFrom(cmd);
      await withStore(config, async (store) => {
        process.stdout.write(`${store.engine} store at ${store.location} is up to date\n`);
      });
    });
}

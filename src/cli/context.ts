// What every command shares: the global flags (each with its environment twin), the config and the store.
import type { Command } from 'commander';
import { loadConfig, type Config } from '../config.js';
import { openStore, storeTarget, type Store } from '../store/store.js';

/** Global flags and the environment variable each one stands for. */
export const GLOBAL_FLAGS = [
  {
    flag: '--data-dir <dir>',
    env: 'CORESHARE_DATA_DIR',
    key: 'dataDir',
    help: 'folder of the embedded store (default ./data)',
  },
  {
    flag: '--database-url <url>',
    env: 'CORESHARE_DATABASE_URL',
    key: 'databaseUrl',
    help: 'postgres://… to use PostgreSQL+PostGIS',
  },
  {
    flag: '--log-level <level>',
    env: 'CORESHARE_LOG_LEVEL',
    key: 'logLevel',
    help: 'fatal|error|warn|info|debug|trace|silent',
  },
] as const;

export function addGlobalFlags(program: Command): Command {
  for (const f of GLOBAL_FLAGS) program.option(f.flag, `${f.help} [env: ${f.env}]`);
  return program;
}

/** Config from the environment, overridden by global flags and by the command's own env-twin flags. */
export function configFrom(command: Command, own: Record<string, string | number | undefined> = {}): Config {
  const globals = command.optsWithGlobals() as Record<string, string | undefined>;
  const flags: Record<string, string | undefined> = {};
  for (const f of GLOBAL_FLAGS) flags[f.env] = globals[f.key];
  for (const [env, value] of Object.entries(own))
    flags[env] = value === undefined ? undefined : String(value);
  return loadConfig(flags);
}

/** Opens the configured store, brings its schema up to date, runs `work`, and closes it. */
export async function withStore<R>(config: Config, work: (store: Store) => Promise<R>): Promise<R> {
  const store = openStore(storeTarget(config));
  try {
    await store.migrate();
    return await work(store);
  } finally {
    await store.close();
  }
}

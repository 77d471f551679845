// What every command shares: the global flags (each with its environment twin), the config and the store.
import { userInfo } from 'node:os';
import { systemActor } from '../domain/accounts/access.js';
import type { Caller } from '../services/audit.service.js';
import type { Command, Option } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config.js';
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

/** The environment twin of a command's flag: `import --dry-run` ↔ CORESHARE_IMPORT_DRY_RUN. */
export function twinName(command: Command, option: Option): string {
  const path: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) path.unshift(c.name());
  const flag = option.attributeName().replace(/[A-Z]/g, (m) => `_${m}`);
  return ['CORESHARE', ...path, flag].join('_').replace(/-/g, '_').toUpperCase();
}

/**
 * Gives every command flag without a documented twin one (named by `twinName`), whose value from
 * the environment becomes the flag's default; the flag itself still wins. Validated like the flag.
 */
export function addEnvironmentTwins(command: Command, env: Readonly<Record<string, string>>): void {
  for (const option of command.options as Option[]) {
    if (option.description.includes('[env:') || option.long === '--help' || option.long === '--version')
      continue;
    const name = twinName(command, option);
    option.description = `${option.description} [env: ${name}]`.trim();
    const raw = env[name];
    if (raw === undefined) continue;
    if (option.isBoolean()) {
      if (!/^(1|true|yes|0|false|no)$/i.test(raw)) throw new ConfigError(`${name} must be true or false`);
      option.default(/^(1|true|yes)$/i.test(raw));
      continue;
    }
    if (option.argChoices && !option.argChoices.includes(raw)) {
      throw new ConfigError(`${name}=${JSON.stringify(raw)} is not one of ${option.argChoices.join(', ')}`);
    }
    option.default(option.parseArg ? option.parseArg(raw, undefined as never) : raw);
  }
  for (const sub of command.commands) addEnvironmentTwins(sub, env);
}

/** The operator running the command, as the audit log names them. */
export function cliCaller(): Caller {
  let name = 'operator';
  try {
    name = userInfo().username || name;
  } catch {
    // No passwd entry (some containers): the log still says the command line did it.
  }
  return { actor: systemActor(name), ip: null };
}

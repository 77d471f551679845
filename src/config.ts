// The only module that reads the environment. Everything else receives a frozen Config.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Engine = 'sqlite' | 'postgres';

export interface Config {
  readonly engine: Engine;
  /** Folder for the embedded store, tiles and other files. */
  readonly dataDir: string;
  /** postgres://… when the PostgreSQL engine is used. */
  readonly databaseUrl: string | undefined;
  readonly port: number;
  readonly host: string;
  /** Boreholes generated into an empty store on first `serve`; 0 = none. */
  readonly demoBoreholes: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Folder of the built web app served at `/`. */
  readonly webDir: string;
  /** Raster base map(s) for the web app, e.g. 天地图 with a key; undefined = the offline map. */
  readonly basemap: unknown;
  /** smtp:// or smtps:// server for outgoing mail; undefined = mails are written to the log instead. */
  readonly smtpUrl: string | undefined;
  /** The From of outgoing mail, e.g. `CoreShare <no-reply@example.org>`. */
  readonly mailFrom: string;
  /** The address users reach CoreShare at, without a trailing slash; links in mails start with it. */
  readonly publicUrl: string;
  /** CJK font file for agreement PDFs; a collection (.ttc) may name its face after `#`. */
  readonly cjkFont: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

/** The checkout's root, found the same way from src/ (tests) and from dist/server/ (built). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new ConfigError('cannot find the CoreShare package root');
    dir = parent;
  }
  return dir;
}

function integer(env: Env, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${key}=${JSON.stringify(raw)} is not a whole number from ${min} to ${max}`);
  }
  return value;
}

/** The URL with its password masked, for error messages. */
function redacted(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)@/i, (_, scheme: string, userinfo: string) => {
    const user = userinfo.split(':')[0] ?? '';
    return `${scheme}${user}${userinfo.includes(':') ? ':***' : ''}@`;
  });
}

function smtpUrl(env: Env): string | undefined {
  const raw = env.CORESHARE_SMTP_URL?.trim() || undefined;
  if (raw === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || !/^smtps?:$/.test(url.protocol) || !url.hostname) {
    throw new ConfigError(
      `CORESHARE_SMTP_URL must look like smtp://user:pass@host:587 or smtps://user:pass@host:465 (got ${JSON.stringify(redacted(raw).slice(0, 60))}); unset it to write mails to the log`,
    );
  }
  return raw;
}

function mailFrom(env: Env): string {
  const raw = env.CORESHARE_MAIL_FROM?.trim() || 'CoreShare <no-reply@localhost>';
  // A line break would let the value add headers of its own.
  if (!raw.includes('@') || /[\r\n]/.test(raw)) {
    throw new ConfigError(
      `CORESHARE_MAIL_FROM must be an address such as "CoreShare <no-reply@example.org>" (got ${JSON.stringify(raw.slice(0, 60))})`,
    );
  }
  return raw;
}

function publicUrl(env: Env, port: number): string {
  const raw = env.CORESHARE_PUBLIC_URL?.trim() || `http://localhost:${port}`;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw new ConfigError(
      `CORESHARE_PUBLIC_URL must be the http:// or https:// address users reach CoreShare at, e.g. https://coreshare.example.org (got ${JSON.stringify(raw.slice(0, 60))})`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

/** Debian's fonts-noto-cjk: a collection whose Simplified Chinese face agreement PDFs use. */
export const DEFAULT_CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Reads and validates the environment once; fails fast with the variable's name. `flags` are
 * command-line values given under their environment twin's name, and win over the environment.
 */
export function loadConfig(flags: Env = {}, base: Env = process.env): Config {
  const env: Env = { ...base };
  for (const [key, value] of Object.entries(flags)) if (value !== undefined) env[key] = value;
  const databaseUrl = env.CORESHARE_DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(
      `CORESHARE_DATABASE_URL must start with postgres:// (got ${JSON.stringify(databaseUrl.slice(0, 40))}); unset it to use the embedded store`,
    );
  }
  const logLevel = (env.CORESHARE_LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`CORESHARE_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }
  let basemap: unknown;
  if (env.CORESHARE_BASEMAP?.trim()) {
    try {
      basemap = JSON.parse(env.CORESHARE_BASEMAP);
    } catch {
      throw new ConfigError(
        'CORESHARE_BASEMAP must be JSON: {"url":"https://…/{z}/{x}/{y}…","attribution":"…"} or an array of them',
      );
    }
  }
  const port = integer(env, 'CORESHARE_PORT', 8080, 0, 65535);
  const config: Config = {
    engine: databaseUrl ? 'postgres' : 'sqlite',
    dataDir: resolve(env.CORESHARE_DATA_DIR ?? './data'),
    databaseUrl,
    port,
    host: env.CORESHARE_HOST ?? '0.0.0.0',
    demoBoreholes: integer(env, 'CORESHARE_DEMO_BOREHOLES', 20_000, 0, 5_000_000),
    logLevel,
    webDir: resolve(env.CORESHARE_WEB_DIR ?? join(projectRoot(), 'dist/web')),
    basemap,
    smtpUrl: smtpUrl(env),
    mailFrom: mailFrom(env),
    publicUrl: publicUrl(env, port),
    // Not checked here: only the PDF endpoint needs it, and it says so (503) when the file is missing.
    cjkFont: env.CORESHARE_CJK_FONT?.trim() || DEFAULT_CJK_FONT,
  };
  return Object.freeze(config);
}

/**
 * The CORESHARE_* variables as they are at start-up, for the command line's environment twins
 * (`coreshare import --crs` ← CORESHARE_IMPORT_CRS): read here so no other module touches the environment.
 */
export function environmentTwins(base: Env = process.env): Readonly<Record<string, string>> {
  const twins: Record<string, string> = {};
  for (const [key, value] of Object.entries(base))
    if (key.startsWith('CORESHARE_') && value !== undefined) twins[key] = value;
  return Object.freeze(twins);
}

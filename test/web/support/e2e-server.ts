// What every end-to-end journey needs: the web app built from the current sources, a real server
// on a throwaway SQLite store holding the demo dataset (search index included), and Debian's
// Chromium. Pages it opens record script errors and any request leaving the server's origin.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { buildApp, type CoreShareApp } from '../../../src/api/app.js';
import { openStore, type Store } from '../../../src/store/store.js';
import { createMailer } from '../../../src/services/mail/mailer.js';
import { loadDemo } from '../../../src/services/demo/demo.service.js';
import type { DemoOptions } from '../../../src/services/demo/demo.types.js';
import { updateSearchIndex } from '../../../src/services/search/search-indexer.service.js';
import { requirement } from '../../support/requirements.js';

const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) requirement('chromium', 'end-to-end pages in Chromium', 'apt-get install chromium');

// Set to a folder to keep screenshots of each step for a person to look at.
const SHOTS = process.env.CORESHARE_E2E_SCREENSHOTS;

export async function snapshot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

export interface OpenedPage {
  page: Page;
  /** Uncaught script errors. */
  errors: string[];
  /** Requests that tried to leave the server's origin (the app must work offline). */
  outside: string[];
}

export interface E2eServer {
  base: string;
  /** The server's store, for a journey to set up what no page does (granting a role). */
  store: Store;
  browser: Browser;
  newPage(options?: { locale?: string }): Promise<OpenedPage>;
  close(): Promise<void>;
}

export interface E2eServerOptions {
  /** Send mail to this SMTP server (test/support/smtp.ts), with links pointing at the server itself. */
  smtpUrl?: string;
}

/** A port free right now: mailed links must name the server's address before it listens. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done, fail) => {
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', done);
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

export async function startE2eServer(demo: DemoOptions, options: E2eServerOptions = {}): Promise<E2eServer> {
  const dir = mkdtempSync(join(tmpdir(), 'coreshare-e2e-'));
  let store: Store | undefined;
  let app: CoreShareApp | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const webDir = join(dir, 'web');
    // Built here, not taken from dist/web, so the test always sees the current web sources.
    await build({
      configFile: fileURLToPath(new URL('../../../web/vite.config.ts', import.meta.url)),
      logLevel: 'warn',
      build: { outDir: webDir, emptyOutDir: true },
    });
    store = openStore({ engine: 'sqlite', file: join(dir, 'e2e.sqlite') });
    await store.migrate();
    await loadDemo(store, demo);
    await updateSearchIndex(store);
    const port = options.smtpUrl ? await freePort() : 0;
    const publicUrl = `http://127.0.0.1:${port}`;
    app = await buildApp({
      store,
      config: { webDir, logLevel: 'silent', ...(options.smtpUrl && { publicUrl }) },
      logger: false,
      ...(options.smtpUrl && {
        mailer: createMailer(
          { smtpUrl: options.smtpUrl, mailFrom: 'CoreShare <no-reply@coreshare.test>' },
          { info() {} },
        ),
      }),
    });
    const base = await app.listen({ port, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-gpu',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        // WebGL through SwiftShader: the machine has no GPU, and MapLibre needs WebGL.
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
      ],
    });
    const opened = browser;
    return {
      base,
      store,
      browser: opened,
      close,
      async newPage({ locale = 'zh-CN' } = {}) {
        const page = await opened.newPage({ viewport: { width: 1280, height: 800 }, locale });
        const errors: string[] = [];
        const outside: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.route('**/*', (route) => {
          const url = route.request().url();
          if (url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:'))
            return route.continue();
          outside.push(url);
          return route.abort();
        });
        return { page, errors, outside };
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

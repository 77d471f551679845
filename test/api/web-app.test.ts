import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/api/app.js';
import { openStore } from '../../src/store/store.js';

describe('serving the web app', () => {
  it('serves the page for client routes and 404 for missing assets and API paths', async () => {
    const webDir = mkdtempSync(join(tmpdir(), 'cs-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>CoreShare</title>');
    writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log(1)');
    const store = openStore({ engine: 'sqlite', file: join(webDir, 's.sqlite') });
    await store.migrate();
    const app = await buildApp({ store, config: { webDir, logLevel: 'silent' }, logger: false });
    for (const url of ['/', '/boreholes/CSB123', '/custodians/XZ?lang=en']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<title>CoreShare</title>');
    }
    expect((await app.inject({ url: '/assets/app.js' })).headers['content-type']).toContain('javascript');
    expect((await app.inject({ url: '/assets/app-old.js' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/nothing' })).json()).toMatchObject({ status: 404 });
    expect((await app.inject({ url: '/config.js' })).body).toBe('window.CORESHARE_BASEMAP = null;\n');
    await app.close();
    const tianditu = {
      url: 'https://t0.tianditu.gov.cn/vec_w/wmts?tk=KEY&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}',
      attribution: '天地图</script>',
    };
    const configured = await buildApp({
      store,
      config: { webDir, logLevel: 'silent', basemap: tianditu },
      logger: false,
    });
    const script = (await configured.inject({ url: '/config.js' })).body;
    expect(script).not.toContain('</script>');
    expect(script).toContain('tianditu.gov.cn');
    await configured.close();
    await store.close();
  });
});

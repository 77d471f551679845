// Serves the offline base map under /basemap/ in dev and writes it into the build, generated from
// npm packages at build time (no tile server and no download at run time).
import type { Plugin } from 'vite';
import { BASEMAP_FILES, buildOfflineBasemap, type BasemapFile } from './offline-basemap.js';

const PREFIX = '/basemap/';

export function offlineBasemapPlugin(): Plugin {
  let files: Record<BasemapFile, string> | undefined;
  const load = (): Record<BasemapFile, string> => (files ??= buildOfflineBasemap());
  return {
    name: 'coreshare-offline-basemap',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = req.url?.startsWith(PREFIX) ? req.url.slice(PREFIX.length).split('?')[0] : undefined;
        if (!name || !(BASEMAP_FILES as readonly string[]).includes(name)) return next();
        res.setHeader(
          'content-type',
          name.endsWith('.txt') ? 'text/plain; charset=utf-8' : 'application/json',
        );
        res.end(load()[name as BasemapFile]);
      });
    },
    generateBundle() {
      const built = load();
      for (const name of BASEMAP_FILES) {
        this.emitFile({ type: 'asset', fileName: `basemap/${name}`, source: built[name] });
      }
    },
  };
}

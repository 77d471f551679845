// Builds the single-page app into dist/web, which the API server serves at `/` with SPA fallback.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { offlineBasemapPlugin } from './build/offline-basemap.plugin.js';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), offlineBasemapPlugin()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // MapLibre alone is ~1 MB minified; warning about it on every build is noise.
    chunkSizeWarningLimit: 1600,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080', '/config.js': 'http://localhost:8080' },
  },
});

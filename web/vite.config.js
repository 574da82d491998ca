// Vite build of rasid's web page: everything (code, styles, the world-atlas TopoJSON) is
// bundled into dist/ and served by `rasid serve`; nothing is fetched from the network.
import { defineConfig } from 'vite';

export default defineConfig({
  root: '.',
  base: '/',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});

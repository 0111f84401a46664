import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in src/web and is built into dist/web, which the Fastify
// server serves with an SPA fallback. In development the Vite dev server
// proxies /api to the server on port 3000.
//
// A second entry, the SCORM player page (src/web/player), runs on the content
// origin under /content/player/: its files go to dist/web/player/ and its
// HTML refers to them by that path. It shares no code with the app bundle.
const isPlayerFile = (name: string) => name.startsWith('player/');
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // One bundle for the whole app (React, Designsystemet, zod, five languages) is ~220 kB gzipped.
    chunkSizeWarningLimit: 1000,
    // Every supported browser knows modulepreload; the polyfill would be a chunk the player page shares with the app.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./src/web/index.html', import.meta.url)),
        player: fileURLToPath(new URL('./src/web/player/index.html', import.meta.url)),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'player' ? 'player/assets/[name]-[hash].js' : 'assets/[name]-[hash].js'),
        assetFileNames: (asset) => (asset.names.some((n) => n.startsWith('player')) ? 'player/assets/[name]-[hash][extname]' : 'assets/[name]-[hash][extname]'),
      },
    },
  },
  experimental: {
    renderBuiltUrl: (filename) => (isPlayerFile(filename) ? `/content/${filename}` : undefined),
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});

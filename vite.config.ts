import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

/** The renderer build: served by the headless server and loaded by the Electron window. */
export default defineConfig({
  root: path.join(root, 'renderer'),
  base: './',
  plugins: [react()],
  publicDir: path.join(root, 'renderer', 'public'),
  build: {
    outDir: path.join(root, 'out', 'renderer'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});

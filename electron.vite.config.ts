import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';

const root = path.dirname(fileURLToPath(import.meta.url));
const at = (file: string) => path.join(root, file);

/**
 * Main-side bundles only: Electron main (+ core's utilityProcess entry, which shares its chunks)
 * and the sandboxed preload. The renderer is built by the root vite.config.ts into out/renderer,
 * the same build the headless server serves, so there is no renderer section here.
 */
export default defineConfig({
  main: {
    build: {
      // Dependencies stay in node_modules: better-sqlite3 is a native addon and Baileys loads
      // its WebAssembly at run time; electron-builder packs (and rebuilds) them. vite (a dev
      // dependency) too: the headless server imports it only to build a missing renderer
      // (host/renderer-build.ts), and it must never be inlined into the bundle.
      externalizeDeps: { include: ['vite'] },
      sourcemap: true,
      rolldownOptions: {
        input: {
          index: at('electron/main/index.ts'),
          core: at('electron/core/entry-utility.ts'),
          // The headless server (`npm run start:web`) runs this bundle: it starts much faster than tsx.
          server: at('electron/core/entry-server.ts'),
        },
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload may require only `electron` (and a few builtins): bundle the rest.
      externalizeDeps: false,
      sourcemap: true,
      rolldownOptions: {
        input: { index: at('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
});

import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { rendererViteConfig } from './electron/dev/renderer-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/shell/main/index.ts'),
          // Worker threads start from their own bundle beside the main one (see run-worker-task.ts).
          worker: resolve(__dirname, 'electron/core/workers/worker-entry.ts'),
          // Search's warm sentence encoder, a process of its own (see search/encoder-client.ts).
          'search-encoder': resolve(__dirname, 'electron/core/search/encoder-host.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require packages: bundle everything it uses.
      externalizeDeps: false,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/shell/preload/index.ts'),
          // The passphrase prompt's own preload (see electron/shell/main/passphrase-window.ts).
          passphrase: resolve(__dirname, 'electron/shell/preload/passphrase.ts'),
        },
      },
    },
  },
  renderer: {
    ...rendererViteConfig(),
    build: { ...rendererViteConfig().build, outDir: resolve(__dirname, 'out/renderer') },
  },
});

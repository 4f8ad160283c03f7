import react from '@vitejs/plugin-react';
import path from 'node:path';
import type { Plugin, UserConfig } from 'vite';

export const RENDERER_ROOT = path.resolve(__dirname, '../../renderer');

/**
 * The Content-Security-Policy of the built renderer. Only Cairn's own files, no inline script,
 * no remote anything. Added at build time because Vite's dev server injects inline scripts.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  // The recording for the player: cairn-media:// in the app (the browser dev server uses 'self').
  "media-src 'self' blob: cairn-media:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'cairn-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** The renderer's Vite settings, shared by the Electron build and the browser dev server. */
export function rendererViteConfig(): UserConfig {
  return {
    root: RENDERER_ROOT,
    plugins: [react(), contentSecurityPolicy()],
    build: { rollupOptions: { input: path.join(RENDERER_ROOT, 'index.html') } },
  };
}

/// <reference types="vite/client" />
import type { PreloadApi } from '../../shared/api/transport';

declare global {
  interface ImportMetaEnv {
    /** Set only by dev:web and browser tests: the HTTP bridge's token (requests go through Vite's proxy). */
    readonly VITE_CAIRN_BRIDGE_TOKEN?: string;
  }
  interface ImportMeta {
    readonly env: ImportMetaEnv;
  }
  interface Window {
    /** Present only inside the Electron app, exposed by the sandboxed preload. */
    readonly cairn?: PreloadApi;
  }
}

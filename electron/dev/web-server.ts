import { createServer, mergeConfig, type ViteDevServer } from 'vite';
import { BRIDGE_API_PREFIX } from '../../shared/api/transport';
import { rendererViteConfig } from './renderer-vite';

export interface RendererDevServerOptions {
  bridgeUrl: string;
  token: string;
  /** 0 picks a free port. */
  port?: number;
}

/**
 * Serves the renderer with Vite for a plain browser. API calls go to same-origin /api…, which
 * Vite proxies to the loopback bridge: no CORS to open, and the bridge stays on 127.0.0.1.
 */
export async function startRendererDevServer(
  options: RendererDevServerOptions,
): Promise<ViteDevServer> {
  const proxyPrefix = BRIDGE_API_PREFIX.replace(/\/$/, ''); // also covers /api-events
  const server = await createServer(
    mergeConfig(rendererViteConfig(), {
      configFile: false,
      logLevel: 'warn',
      clearScreen: false,
      define: { 'import.meta.env.VITE_CAIRN_BRIDGE_TOKEN': JSON.stringify(options.token) },
      server: {
        host: '127.0.0.1',
        port: options.port ?? 0,
        strictPort: options.port !== undefined && options.port !== 0,
        proxy: { [proxyPrefix]: { target: options.bridgeUrl, changeOrigin: true } },
      },
    }),
  );
  await server.listen();
  return server;
}

export function serverUrl(server: ViteDevServer): string {
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('Vite did not report a local URL');
  return url;
}

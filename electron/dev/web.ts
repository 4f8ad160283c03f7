/**
 * `npm run dev:web [-- --data-dir DIR] [-- --port N]`: the renderer in a normal browser, talking to the
 * real core through the loopback bridge. For development and browser tests only; the packaged
 * app never starts the bridge.
 */
import { parseArgs } from 'node:util';
import { startCore } from '../core/app/core';
import { startBridge } from '../core/bridge/http-bridge';
import { movablePointer, resolveDataDir } from '../core/config/data-dir';
import { serverUrl, startRendererDevServer } from './web-server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string', default: '5173' } },
  });
  const dataDir = resolveDataDir({ flag: values['data-dir'] });
  const core = await startCore({
    dataDir,
    actor: 'dev-web',
    transport: 'http-bridge',
    libraryPointer: movablePointer({ flag: values['data-dir'] }),
    pipeline: { recover: true },
  });
  const bridge = await startBridge({ core });
  const vite = await startRendererDevServer({
    bridgeUrl: bridge.url,
    token: bridge.token,
    port: Number(values.port),
  });
  console.log(`Cairn (browser dev) on ${serverUrl(vite)}  data: ${dataDir}`);

  const stop = () => {
    void Promise.all([vite.close(), bridge.close()])
      .then(() => core.shutdown())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import type { ConsoleMessage, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import type { Core } from '../../electron/core/app/core';
import { startBridge } from '../../electron/core/bridge/http-bridge';
import { startRendererDevServer } from '../../electron/dev/web-server';
import { launchChromium } from './browser';

export interface Desk {
  vite: ViteDevServer;
  page: Page;
  /** Console errors and warnings the page logged (the tests expect none). */
  consoleProblems: string[];
}

/**
 * The renderer served by Vite against `core` through the loopback bridge, in headless Chromium.
 * Every part started is pushed onto `cleanups` as it starts, so a failure half-way still stops
 * what did start. The library's first-run guide is marked seen through the API, as a clinician
 * who skipped it would have: a new library would otherwise open on the guide instead of the page
 * the test goes to. `{ guideSeen: false }` leaves it as a new library has it.
 */
export async function openDesk(
  core: Core,
  cleanups: (() => Promise<void>)[],
  viewport = { width: 1280, height: 800 },
  options: { guideSeen?: boolean } = {},
): Promise<Desk> {
  if (options.guideSeen ?? true) {
    const seen = await core.invoke('settings.set', { name: 'guideSeen', value: true });
    if (!seen.ok) throw new Error(`settings.set guideSeen: ${seen.error.message}`);
  }
  const bridge = await startBridge({ core });
  cleanups.push(() => bridge.close());
  const vite = await startRendererDevServer({ bridgeUrl: bridge.url, token: bridge.token });
  cleanups.push(() => vite.close());
  const browser = await launchChromium();
  cleanups.push(() => browser.close());
  const page = await browser.newPage({ viewport });
  const consoleProblems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning')
      consoleProblems.push(`${message.type()}: ${message.text()}`);
  });
  return { vite, page, consoleProblems };
}

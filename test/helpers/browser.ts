import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CAIRN_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, with a fresh profile (Playwright makes one per launch). The extra flags stop Chromium's own background traffic,
 * which this machine's closed network refuses (and which Cairn must never cause anyway).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Belt and braces for the no-egress rule: no name but localhost resolves, and any request
      // that is not to loopback goes to a closed local port instead of the network.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      '--proxy-server=http://127.0.0.1:9',
    ],
  });
}

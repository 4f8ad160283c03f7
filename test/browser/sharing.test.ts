import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { serverUrl } from '../../electron/dev/web-server';
import { accessibilityProblemsInBothThemes } from '../helpers/accessibility';
import { openDesk } from '../helpers/desk';
import { makeTempDir } from '../helpers/fixtures';
import { S3RVER_KEY, startTestBucket, type TestBucket } from '../helpers/s3';
import { seedApprovedSession, sessionSeed } from '../helpers/sharing';

/**
 * Settings → Sharing (S3) in headless Chromium against the real core and s3rver: the clinician
 * enters the bucket, tests the connection, uploads, and sees the counts; the secret is never
 * shown back; the session page says its abstract was shared.
 */
describe('sharing settings and status in a browser', () => {
  const temp = makeTempDir();
  const cleanups: (() => Promise<void>)[] = [];
  let consoleProblems: string[] = [];
  let core: Core;
  let vite: ViteDevServer;
  let page: Page;
  let bucket: TestBucket;
  let sessionId: string;

  beforeAll(async () => {
    bucket = await startTestBucket(path.join(temp.dir, 's3'));
    cleanups.push(() => bucket.close());
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'browser-test',
      transport: 'http-bridge',
      libraryPointer: null,
    });
    cleanups.push(() => core.shutdown());
    // Approved before sharing is on: the first upload sweeps it up.
    sessionId = await seedApprovedSession(core, sessionSeed('Maria Lopez'));
    ({ vite, page, consoleProblems } = await openDesk(core, cleanups));
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    temp.remove();
  });

  it('configures the bucket, tests it, uploads, and never shows the secret again', async () => {
    await page.goto(`${serverUrl(vite)}/#/settings`);
    await page.getByRole('heading', { name: 'Sharing (S3)' }).waitFor();
    const fill = async (label: string, value: string) => {
      const input = page.getByLabel(label, { exact: true });
      await input.fill(value);
      await input.press('Enter');
    };
    await fill('Endpoint', bucket.endpoint);
    await page.locator('#sync-endpoint-state').getByText('Saved').waitFor();
    await fill('Bucket', bucket.bucket);
    await page.locator('#sync-bucket-state').getByText('Saved').waitFor();
    await fill('Access key id', S3RVER_KEY);
    await page.locator('#sync-access-key-state').getByText('Saved').waitFor();
    await fill('Secret access key', S3RVER_KEY);
    await page.locator('#sync-secret-state').getByText('Saved').waitFor();
    await page.getByLabel('Bucket in the path').check();
    await page.locator('#sync-path-style-state').getByText('Saved').waitFor();
    await page.getByLabel('Share abstracts').check();
    await page.locator('#sync-enabled-state').getByText('Saved').waitFor();

    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByTestId('sync-message').getByText('Connected').waitFor();
    await page.getByRole('button', { name: 'Upload now' }).click();
    await page.getByTestId('sync-message').getByText('Uploaded 1, blocked 0').waitFor();
    await expect.poll(() => page.getByTestId('sync-uploaded').textContent()).toBe('1');
    expect(await page.getByTestId('sync-pending').textContent()).toBe('0');
    expect(await bucket.objects()).toHaveLength(1);

    await page.reload();
    const secret = page.getByLabel('Secret access key');
    await secret.waitFor();
    expect(await secret.inputValue()).toBe('');
    expect(await secret.getAttribute('placeholder')).toBe('set (hidden)');
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
  });

  it('says on the session page that its abstract was shared', async () => {
    await page.goto(`${serverUrl(vite)}/#/sessions/${sessionId}`);
    await page.getByRole('button', { name: 'Details', exact: true }).click();
    await page.getByTestId('session-sharing').getByText('abstract shared').waitFor();
    expect(consoleProblems).toEqual([]);
  });
});

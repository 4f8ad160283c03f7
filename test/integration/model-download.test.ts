import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { downloadFile } from '../../electron/core/transcribe/models/download';
import { makeTempDir } from '../helpers/fixtures';
import { startModelServer, type ModelServer } from '../helpers/model-server';

const FILE = randomBytes(3 * 1024 * 1024 + 17);
const sha256 = createHash('sha256').update(FILE).digest('hex');

describe('model downloader (against a local HTTP server)', () => {
  const temp = makeTempDir();
  let server: ModelServer;
  let n = 0;
  const target = () => path.join(temp.dir, `model-${++n}.bin`);
  beforeAll(async () => {
    server = await startModelServer({ 'ggml-test.bin': FILE });
  });
  afterEach(() => {
    server.requests.length = 0;
  });
  afterAll(async () => {
    await server.close();
    temp.remove();
  });
  const url = () => `${server.url}/ggml-test.bin`;

  it('downloads, reports progress, verifies and places the file', async () => {
    const file = target();
    const progress: number[] = [];
    await downloadFile({
      url: url(),
      target: file,
      checksum: { algorithm: 'sha256', hex: sha256 },
      onProgress: (r) => progress.push(r),
    });
    expect(readFileSync(file).equals(FILE)).toBe(true);
    expect(existsSync(`${file}.part`)).toBe(false);
    expect(progress.at(-1)).toBe(FILE.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('resumes with a Range request after the connection is cut mid-file', async () => {
    const file = target();
    server.cutAfter(1_000_000);
    await downloadFile({
      url: url(),
      target: file,
      checksum: { algorithm: 'sha256', hex: sha256 },
      retryDelayMs: 10,
    });
    expect(readFileSync(file).equals(FILE)).toBe(true);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]?.range).toBeUndefined();
    const resumedFrom = Number(/bytes=(\d+)-/.exec(server.requests[1]?.range ?? '')?.[1]);
    expect(resumedFrom).toBeGreaterThan(0);
    expect(resumedFrom).toBeLessThanOrEqual(1_000_000);
  });

  it('resumes a download left over from an earlier run', async () => {
    const file = target();
    writeFileSync(`${file}.part`, FILE.subarray(0, 2_000_000));
    await downloadFile({
      url: url(),
      target: file,
      checksum: { algorithm: 'sha256', hex: sha256 },
    });
    expect(readFileSync(file).equals(FILE)).toBe(true);
    expect(server.requests.map((r) => r.range)).toEqual(['bytes=2000000-']);
  });

  it('starts over when the server ignores the range', async () => {
    const file = target();
    writeFileSync(`${file}.part`, Buffer.from('stale bytes that must not survive'));
    server.ignoreRanges(true);
    await downloadFile({
      url: url(),
      target: file,
      checksum: { algorithm: 'sha256', hex: sha256 },
    }).finally(() => server.ignoreRanges(false));
    expect(readFileSync(file).equals(FILE)).toBe(true);
    expect(server.requests[0]?.range).toMatch(/^bytes=\d+-$/);
  });

  it('rejects and deletes a download whose checksum does not match', async () => {
    const file = target();
    const attempt = downloadFile({
      url: url(),
      target: file,
      checksum: { algorithm: 'sha256', hex: '0'.repeat(64) },
    });
    await expect(attempt).rejects.toMatchObject({
      category: 'permanent',
      code: 'checksum_mismatch',
    });
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.part`)).toBe(false);
  });

  it('gives up at once on a missing file', async () => {
    const attempt = downloadFile({
      url: `${server.url}/nope.bin`,
      target: target(),
      checksum: { algorithm: 'sha256', hex: sha256 },
    });
    await expect(attempt).rejects.toMatchObject({ category: 'permanent', code: 'download_failed' });
    expect(server.requests).toHaveLength(1);
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waveformPeaks } from '../../electron/core/audio/peaks/waveform-peaks';
import { isEncryptedFile } from '../../electron/core/security/file-crypto';
import { makeTempDir, SAMPLE_WAV } from '../helpers/fixtures';
import { testLibraryKey } from '../helpers/sqlite';

describe('waveform peaks for the player', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('decodes a recording into at most 4,000 levels over its length, once, even when asked twice at once', async () => {
    const cache = path.join(temp.dir, 'peaks');
    // Two at once, as a page opened twice (or React's development double effect) asks.
    const [a, b] = await Promise.all([
      waveformPeaks(SAMPLE_WAV, cache, 'hash-a'),
      waveformPeaks(SAMPLE_WAV, cache, 'hash-a'),
    ]);
    expect(a).toEqual(b);
    expect(a.durationSec).toBeGreaterThan(29.5);
    expect(a.durationSec).toBeLessThan(30.5);
    expect(a.peaks.length).toBeGreaterThan(1000);
    expect(a.peaks.length).toBeLessThanOrEqual(4000);
    expect(Math.max(...a.peaks)).toBeGreaterThan(0.1);
    expect(Math.min(...a.peaks)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...a.peaks)).toBeLessThanOrEqual(1);
    // Cached whole, no partial file left behind.
    expect(readdirSync(cache)).toEqual(['hash-a.json']);
    expect(await waveformPeaks('/nonexistent.wav', cache, 'hash-a')).toEqual(a);
    expect(existsSync(path.join(cache, 'hash-a.json'))).toBe(true);
  });

  it('keeps the cached peaks encrypted when given the library key', async () => {
    const cache = path.join(temp.dir, 'encrypted');
    const key = testLibraryKey();
    const computed = await waveformPeaks(SAMPLE_WAV, cache, 'rec-1', { libraryKey: key });
    const file = path.join(cache, 'rec-1.json');
    expect(await isEncryptedFile(file)).toBe(true);
    expect(readFileSync(file).includes('"peaks"')).toBe(false);
    // Read back from the cache (the source is gone), decrypted.
    expect(await waveformPeaks('/nonexistent.wav', cache, 'rec-1', { libraryKey: key })).toEqual(
      computed,
    );
  });

  it('says clearly when the file cannot be decoded', async () => {
    await expect(
      waveformPeaks(path.join(temp.dir, 'missing.wav'), path.join(temp.dir, 'p2'), 'hash-b'),
    ).rejects.toMatchObject({ code: 'peaks_failed' });
  });
});

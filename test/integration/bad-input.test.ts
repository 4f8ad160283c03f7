import { chmodSync, copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBadInputs, silentVideo, threeHourSilence } from '../fixtures/bad-inputs';
import { encodeSession } from '../fixtures/sessions/encode';
import { renderSession } from '../fixtures/sessions/render';
import { runCairn } from '../helpers/cli';
import { listFiles } from '../helpers/files';
import { makeTempDir } from '../helpers/fixtures';
import { countRows } from '../helpers/sqlite';

/**
 * Every bad input, through the real CLI: a clear message, exit 2, and nothing left behind —
 * no rows, no stored files, no half-written output.
 */
describe('bad input', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'library');
  const outDir = path.join(temp.dir, 'out');
  let bad: ReturnType<typeof makeBadInputs>;
  let goodMp3: string;

  beforeAll(async () => {
    const session = renderSession({ seconds: 20, speakers: 2 });
    goodMp3 = encodeSession(session, 'mp3');
    bad = makeBadInputs(path.join(temp.dir, 'inputs'), session.master, goodMp3);
    mkdirSync(outDir);
    expect((await runCairn(['sessions'], { dataDir })).code).toBe(0); // an existing, empty library
  }, 120_000);
  afterAll(() => temp.remove());

  function expectNothingLeft() {
    expect(countRows(dataDir, 'sessions')).toBe(0);
    expect(countRows(dataDir, 'recordings')).toBe(0);
    expect(countRows(dataDir, 'clients')).toBe(0);
    expect(listFiles(path.join(dataDir, 'recordings'))).toEqual([]);
    expect(listFiles(path.join(dataDir, 'tmp'))).toEqual([]);
    expect(readdirSync(outDir)).toEqual([]);
  }

  async function expectRefused(input: string, message: RegExp) {
    const imported = await runCairn(['import', input, '--client', 'Refused'], { dataDir });
    expect(imported.stderr).toMatch(message);
    expect(imported.code).toBe(2);
    const prepared = await runCairn(['preprocess', input, path.join(outDir, 'out.wav')], {
      dataDir,
    });
    expect(prepared.stderr).toMatch(message);
    expect(prepared.code).toBe(2);
    expectNothingLeft();
  }

  it.each([
    ['a zero-byte file', () => bad.zeroByte, /is empty: it holds no recording/],
    [
      'a truncated WAV header',
      () => bad.truncatedWavHeader,
      /is damaged or incomplete and cannot be read/,
    ],
    ['a truncated MP3', () => bad.truncatedMp3, /looks cut off/],
    ['a PDF renamed .mp3', () => bad.pdfAsMp3, /document\.mp3 is a PDF, not an audio recording\./],
    [
      'a text file renamed .mp3',
      () => bad.textAsMp3,
      /notes\.mp3 is a text file, not an audio recording\./,
    ],
    ['a PNG renamed .m4a', () => bad.pngAsM4a, /is a PNG image, not an audio recording\./],
    ['a WMA file', () => bad.wma, /Windows Media \(WMA\).*Convert it to MP3 or WAV/],
    [
      'a file with a foreign extension',
      () => bad.wrongExtension,
      /is a \.txt file\. Cairn accepts WAV, MP3/,
    ],
    ['a video with no audio stream', () => silentVideo(), /is a video without a sound track/],
    ['a directory', () => temp.dir, /is a folder, not a recording/],
    ['a missing file', () => path.join(temp.dir, 'nowhere.wav'), /There is no file at/],
  ])('refuses %s', async (_label, input, message) => {
    await expectRefused(input(), message);
  });

  it('refuses a file it may not read', async () => {
    const locked = path.join(temp.dir, 'locked', 'private.mp3');
    mkdirSync(path.dirname(locked));
    copyFileSync(goodMp3, locked);
    chmodSync(locked, 0o000);
    // root reads everything: run the CLI as an unprivileged user then.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    chmodSync(temp.dir, 0o777);
    chmodSync(dataDir, 0o777);
    chmodSync(path.join(dataDir, 'cairn.db'), 0o666);
    const result = await runCairn(['import', locked], { dataDir, ...asUser });
    expect(result.stderr).toMatch(/not allowed to read .*private\.mp3.*permissions/);
    expect(result.code).toBe(2);
    expectNothingLeft();
  });

  it('accepts a truncated recording when asked to keep what is there', async () => {
    const output = path.join(temp.dir, 'kept.wav');
    const result = await runCairn(
      ['preprocess', bad.truncatedMp3, output, '--accept-truncated', '--json'],
      { dataDir },
    );
    expect(result.code).toBe(0);
    const { durationSec } = JSON.parse(result.stdout) as { durationSec: number };
    expect(durationSec).toBeGreaterThan(5);
  });
});

describe('inputs that must work', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('handles a path with spaces, unicode and quotes', async () => {
    const session = renderSession({ seconds: 20, speakers: 2 });
    const dir = path.join(temp.dir, `Séance "Zoë" O'Brien – 2026`);
    mkdirSync(dir);
    const input = path.join(dir, `rec 1 "final" ’n’ ünïcødé.m4a`);
    copyFileSync(encodeSession(session, 'm4a'), input);
    const dataDir = path.join(temp.dir, 'library');

    const imported = await runCairn(['import', input, '--client', 'Zoë O’Brien', '--json'], {
      dataDir,
    });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const { sessionId } = JSON.parse(imported.stdout) as { sessionId: string };
    const shown = JSON.parse(
      (await runCairn(['show', sessionId, '--json'], { dataDir })).stdout,
    ) as {
      clientName: string;
      recording: { originalName: string; format: string; durationSec: number };
    };
    expect(shown.clientName).toBe('Zoë O’Brien');
    expect(shown.recording).toMatchObject({ originalName: path.basename(input), format: 'mp4' });
    expect(shown.recording.durationSec).toBeCloseTo(session.durationSec, 1);

    const output = path.join(dir, `prepared "out" ü.wav`);
    const prepared = await runCairn(['preprocess', input, output, '--json'], { dataDir });
    expect(prepared.code).toBe(0);
  });

  it('processes a 3-hour silent recording and says it contains no speech', async () => {
    const input = threeHourSilence();
    const dataDir = path.join(temp.dir, 'silent-library');
    expect((await runCairn(['import', input], { dataDir })).code).toBe(0);
    const output = path.join(temp.dir, 'silent.wav');
    const result = await runCairn(['preprocess', input, output, '--trim-silence', '--json'], {
      dataDir,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/contains no speech/);
    expect(JSON.parse(result.stdout)).toMatchObject({
      silent: true,
      durationSec: 10_800,
      offsets: { startSec: 0, endSec: 10_800 },
    });
  }, 120_000);
});

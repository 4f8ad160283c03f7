import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ffmpegPath } from '../../electron/core/audio/ffmpeg/binaries';
import { threeHourSilence } from '../fixtures/bad-inputs';
import { encodeSession, type FixtureFormat } from '../fixtures/sessions/encode';
import { renderSession } from '../fixtures/sessions/render';
import { REPO_ROOT } from '../helpers/fixtures';
import { measure, median } from './measure';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CLI = path.join(REPO_ROOT, 'electron/core/cli/bin.mjs');
const MB = 1024 * 1024;

/**
 * `cairn preprocess` against a bare `ffmpeg -i IN -ar 16000 -ac 1 OUT.wav` on the same generated
 * 60-minute session, alternating in one run. Ratio = median Cairn wall time / median ffmpeg wall time.
 */
export async function preprocessBenchmark() {
  console.log('Rendering the 60-minute session (cached after the first run)…');
  const session = renderSession({ seconds: 3600, speakers: 2 });
  const work = mkdtempSync(path.join(tmpdir(), 'cairn-bench-'));
  const rows: Record<string, unknown>[] = [];
  try {
    for (const format of ['mp3', 'stereo44.wav'] as FixtureFormat[]) {
      const input = encodeSession(session, format);
      const out = (name: string) => path.join(work, `${name}.wav`);
      const bare = () =>
        measure(ffmpegPath(), [
          '-v',
          'error',
          '-y',
          '-i',
          input,
          '-ar',
          '16000',
          '-ac',
          '1',
          out('bare'),
        ]);
      const cairn = (...flags: string[]) =>
        measure(process.execPath, [CLI, 'preprocess', input, out('cairn'), ...flags]);
      const memory = await measure(process.execPath, [CLI, 'preprocess', input, out('cairn')], {
        sampleMemory: true,
      });
      const times: Record<'bare' | 'cairn' | 'cairnNormalize', number[]> = {
        bare: [],
        cairn: [],
        cairnNormalize: [],
      };
      for (let round = 0; round < ROUNDS; round += 1) {
        times.bare.push((await bare()).wallMs);
        times.cairn.push((await cairn()).wallMs);
        times.cairnNormalize.push((await cairn('--normalize', '--trim-silence')).wallMs);
      }
      const bareMs = median(times.bare);
      const row = {
        input: `60-min session, ${format === 'mp3' ? 'MP3 64 kb/s 22.05 kHz mono' : 'WAV 44.1 kHz stereo'}`,
        ffmpegMs: Math.round(bareMs),
        cairnMs: Math.round(median(times.cairn)),
        ratio: round2(median(times.cairn) / bareMs),
        cairnNormalizeMs: Math.round(median(times.cairnNormalize)),
        ratioNormalize: round2(median(times.cairnNormalize) / bareMs),
        realtimeX: Math.round((session.durationSec * 1000) / median(times.cairn)),
        realtimeXNormalize: Math.round((session.durationSec * 1000) / median(times.cairnNormalize)),
        peakMb: Math.round(memory.peakRssBytes / MB),
      };
      rows.push(row);
    }
    rows.push(await loudnormCost(session.master, work));
    rows.push(await threeHourMemory(work));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.table(rows);
  return { rounds: ROUNDS, rows };
}

/** Why Cairn does not use loudnorm: its cost against plain decoding, on a 5-minute excerpt. */
async function loudnormCost(master: string, work: string) {
  const excerpt = path.join(work, 'excerpt.wav');
  execFileSync(ffmpegPath(), ['-v', 'error', '-y', '-i', master, '-t', '300', excerpt]);
  const plain = await measure(ffmpegPath(), [
    '-v',
    'error',
    '-y',
    '-i',
    excerpt,
    '-ar',
    '16000',
    '-ac',
    '1',
    path.join(work, 'p.wav'),
  ]);
  const loud = await measure(ffmpegPath(), [
    '-v',
    'error',
    '-y',
    '-i',
    excerpt,
    '-af',
    'loudnorm',
    '-ar',
    '16000',
    '-ac',
    '1',
    path.join(work, 'l.wav'),
  ]);
  return {
    input: '5-min excerpt: ffmpeg loudnorm vs plain decode',
    ffmpegMs: Math.round(plain.wallMs),
    loudnormMs: Math.round(loud.wallMs),
    ratio: round2(loud.wallMs / plain.wallMs),
  };
}

async function threeHourMemory(work: string) {
  const args = [
    CLI,
    'preprocess',
    threeHourSilence(),
    path.join(work, 'three-hours.wav'),
    '--trim-silence',
  ];
  const timed = await measure(process.execPath, args);
  const sampled = await measure(process.execPath, args, { sampleMemory: true });
  return {
    input: '3-hour recording (FLAC), trim-silence',
    cairnMs: Math.round(timed.wallMs),
    realtimeX: Math.round((3 * 3600 * 1000) / timed.wallMs),
    peakMb: Math.round(sampled.peakRssBytes / MB),
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

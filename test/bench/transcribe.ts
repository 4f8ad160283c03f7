import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { preprocessRecording } from '../../electron/core/audio/preprocess/preprocess-recording';
import type { Transcript } from '../../electron/core/transcribe/types';
import { encodeSession } from '../fixtures/sessions/encode';
import { renderSession } from '../fixtures/sessions/render';
import { REPO_ROOT } from '../helpers/fixtures';
import { wordErrorRate } from '../helpers/wer';
import { testWhisperModel } from '../helpers/whisper';
import { measure } from './measure';

const CLI = path.join(REPO_ROOT, 'electron/core/cli/bin.mjs');

/**
 * Whisper base through `cairn transcribe` on a generated 10-minute two-speaker session, 2 threads:
 * ×realtime (audio duration / wall time) and the word error rate against the script.
 */
export async function transcribeBenchmark() {
  const session = renderSession({ seconds: 600, speakers: 2 });
  const work = mkdtempSync(path.join(tmpdir(), 'cairn-bench-'));
  try {
    const wav = (
      await preprocessRecording(encodeSession(session, 'mp3'), path.join(work, 'session.wav'))
    ).output;
    const output = path.join(work, 'transcript.json');
    const run = await measure('sh', [
      '-c',
      `"${process.execPath}" "${CLI}" transcribe "${wav}" --model "${testWhisperModel()}" --threads 2 --language en --json > "${output}"`,
    ]);
    const transcript = JSON.parse(readFileSync(output, 'utf8')) as Transcript;
    const reference = session.segments.map((s) => s.text).join(' ');
    const hypothesis = transcript.segments.map((s) => s.text).join(' ');
    const row = {
      input: `generated ${Math.round(session.durationSec / 60)}-min session, 2 speakers (espeak-ng)`,
      model: 'base (f16)',
      threads: 2,
      wallMs: Math.round(run.wallMs),
      realtimeX: Math.round((session.durationSec * 1000 * 10) / run.wallMs) / 10,
      wer: Math.round(wordErrorRate(reference, hypothesis) * 1000) / 10,
    };
    console.table([row]);
    return row;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

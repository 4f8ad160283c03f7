import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { preprocessRecording } from '../../electron/core/audio/preprocess/preprocess-recording';
import { diarizeWav } from '../../electron/core/diarize/diarize';
import { diarizationErrorRate } from '../../electron/core/diarize/evaluation/der';
import { parseRttm, parseUem } from '../../electron/core/diarize/evaluation/rttm';
import type { SpeakerTurn } from '../../electron/core/diarize/types';
import { renderSession } from '../fixtures/sessions/render';
import { REPO_ROOT, SAMPLE_WAV } from '../helpers/fixtures';
import { measure } from './measure';

const DATA = path.dirname(SAMPLE_WAV);
const CLI = path.join(REPO_ROOT, 'electron/core/cli/bin.mjs');
const pct = (x: number) => Math.round(x * 1000) / 10;

/**
 * DER (10 ms frames, no collar, overlap scored) on the real recordings beside the repository and on
 * generated two-voice sessions, then speed and memory on a generated 60-minute session.
 */
export async function diarizeBenchmark() {
  const work = mkdtempSync(path.join(tmpdir(), 'cairn-bench-'));
  const prepare = async (input: string, name: string) =>
    (await preprocessRecording(input, path.join(work, `${name}.wav`))).output;
  const rows: Record<string, unknown>[] = [];
  try {
    const score = async (
      name: string,
      input: string,
      reference: SpeakerTurn[],
      regions?: { start: number; end: number }[],
    ) => {
      const { turns: hypothesis } = await diarizeWav(await prepare(input, name));
      const result = diarizationErrorRate(reference, hypothesis, regions);
      rows.push({
        file: name,
        derPct: pct(result.der),
        missPct: pct(result.missedSec / result.totalSec),
        falseAlarmPct: pct(result.falseAlarmSec / result.totalSec),
        confusionPct: pct(result.confusionSec / result.totalSec),
        refSpeakers: new Set(
          reference
            .filter((t) => !regions || t.start < (regions[0]?.end ?? 0))
            .map((t) => t.speaker),
        ).size,
        foundSpeakers: new Set(hypothesis.map((t) => t.speaker)).size,
      });
      return result;
    };
    await score(
      'sample',
      SAMPLE_WAV,
      parseRttm(readFileSync(path.join(DATA, 'sample.rttm'), 'utf8')).get('sample') ?? [],
    );
    const ami = parseRttm(readFileSync(path.join(DATA, 'ami-excerpts/reference.rttm'), 'utf8'));
    const uem = parseUem(readFileSync(path.join(DATA, 'ami-excerpts/reference.uem'), 'utf8'));
    let total = 0;
    let errors = 0;
    for (const id of [...uem.keys()].sort()) {
      const result = await score(
        id,
        path.join(DATA, `ami-excerpts/${id}.wav`),
        ami.get(id) ?? [],
        uem.get(id),
      );
      total += result.totalSec;
      errors += result.der * result.totalSec;
    }
    rows.push({ file: 'AMI excerpts, pooled', derPct: pct(errors / total) });
    for (const seed of [3, 5, 7]) {
      const session = renderSession({ seconds: 120, speakers: 2, seed });
      await score(`generated two voices, seed ${seed}`, session.master, session.segments);
    }

    const hour = renderSession({ seconds: 3600, speakers: 2 });
    const wav = await prepare(hour.master, 'hour');
    const run = await measure(
      process.execPath,
      [CLI, 'diarize', wav, '--rttm', path.join(work, 'hour.rttm')],
      { sampleMemory: true },
    );
    rows.push({
      file: `generated ${Math.round(hour.durationSec / 60)}-min session`,
      wallMs: Math.round(run.wallMs),
      realtimeX: Math.round((hour.durationSec * 1000) / run.wallMs),
      peakMb: Math.round(run.peakRssBytes / 1024 / 1024),
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.table(rows);
  return rows;
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunSummary } from '../../shared/api/schemas';
import { renderSession } from '../fixtures/sessions/render';
import { REPO_ROOT } from '../helpers/fixtures';
import { pipelineEnv } from '../helpers/pipeline';
import { measure } from './measure';

const CLI = path.join(REPO_ROOT, 'electron/core/cli/bin.mjs');
const SECONDS = Number(process.env.BENCH_PIPELINE_SECONDS ?? 1800);

/**
 * `cairn process` on a generated 30-minute two-voice session, then, side by side on the same
 * prepared audio, `cairn transcribe` and `cairn diarize` alone. Reports wall time per stage, the
 * parallel ratio (wall of transcribe ‖ diarize ÷ the slower of the two alone; target ≤ 1.15) and
 * the orchestration overhead (run wall − engine time, counting the parallel step once; ≤ 3 %).
 */
export async function pipelineBenchmark() {
  const session = renderSession({ seconds: SECONDS, speakers: 2 });
  const work = mkdtempSync(path.join(tmpdir(), 'cairn-bench-'));
  const env = { ...process.env, ...pipelineEnv(), CAIRN_DATA_DIR: path.join(work, 'library') };
  const cairn = (args: string[]) =>
    execFileSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  try {
    const processRun = await measure(
      'sh',
      [
        '-c',
        `"${process.execPath}" "${CLI}" process "${session.master}" --kind individual --json > /dev/null`,
      ],
      {
        env,
      },
    );
    const [run] = JSON.parse(cairn(['runs', '--json'])) as RunSummary[];
    if (run?.status !== 'completed')
      throw new Error(`the run ended ${run?.status ?? 'missing'}: ${run?.errorMessage ?? ''}`);
    const stage = (name: string) => run.stages.find((s) => s.stage === name);
    const transcribe = stage('transcribe');
    const diarize = stage('diarize');
    const parallelWallMs =
      Math.max(transcribe?.finishedAt ?? 0, diarize?.finishedAt ?? 0) -
      Math.min(transcribe?.startedAt ?? 0, diarize?.startedAt ?? 0);

    // The same engines alone, on the audio the pipeline prepared (made again the same way).
    const wav = path.join(work, 'prepared.wav');
    cairn(['preprocess', session.master, wav]);
    const transcribeAlone = await measure(
      'sh',
      ['-c', `"${process.execPath}" "${CLI}" transcribe "${wav}" --json > /dev/null`],
      { env },
    );
    const diarizeAlone = await measure(
      'sh',
      ['-c', `"${process.execPath}" "${CLI}" diarize "${wav}" --speakers 2 --json > /dev/null`],
      { env },
    );

    const engineMs =
      run.stages
        .filter((s) => s.stage !== 'transcribe' && s.stage !== 'diarize')
        .reduce((sum, s) => sum + (s.engineMs ?? 0), 0) +
      Math.max(transcribe?.engineMs ?? 0, diarize?.engineMs ?? 0);
    const wallMs = run.wallMs ?? 0;
    const rows = [
      ...run.stages.map((s) => ({
        measure: `stage ${s.stage}`,
        value: s.durationMs === null ? s.status : `${(s.durationMs / 1000).toFixed(2)} s`,
      })),
      { measure: 'run wall (cairn process, in the run)', value: `${(wallMs / 1000).toFixed(1)} s` },
      {
        measure: 'command wall (cairn process, start-up included)',
        value: `${(processRun.wallMs / 1000).toFixed(1)} s`,
      },
      {
        measure: 'speed (audio s / run wall s)',
        value: `${(run.speedRatio ?? 0).toFixed(2)}× realtime`,
      },
      {
        measure: 'transcribe alone (cairn transcribe)',
        value: `${(transcribeAlone.wallMs / 1000).toFixed(1)} s`,
      },
      {
        measure: 'diarize alone (cairn diarize)',
        value: `${(diarizeAlone.wallMs / 1000).toFixed(1)} s`,
      },
      {
        measure: 'transcribe ‖ diarize in the run',
        value: `${(parallelWallMs / 1000).toFixed(1)} s`,
      },
      {
        measure: 'parallel ratio (target ≤ 1.15)',
        value: (parallelWallMs / Math.max(transcribeAlone.wallMs, diarizeAlone.wallMs)).toFixed(3),
      },
      {
        // The merge stage is speaker assignment (milliseconds) and the risk scan: the rules and
        // the meaning layer's sentence encoder in its own process, from a cold start.
        measure: 'risk scan with meaning (merge stage) ÷ run wall (target ≤ 10 %)',
        value: `${(((stage('merge')?.durationMs ?? 0) / wallMs) * 100).toFixed(2)} %`,
      },
      {
        measure: 'orchestration overhead (target ≤ 3 %)',
        value: `${(((wallMs - engineMs) / wallMs) * 100).toFixed(2)} %`,
      },
    ];
    console.log(
      `generated ${Math.round(session.durationSec / 60)}-min session, 2 voices, Whisper base, 2 cores`,
    );
    console.table(rows);
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

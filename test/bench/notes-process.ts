/**
 * `npm run bench -- notes-process`: `cairn process` end to end (import → preprocess → transcribe ‖
 * diarize → merge → notes) on generated two-voice sessions that carry facts (scenarios.ts), as a
 * user runs it, with the notes model found in the models folder (the SmolLM2 test model unless
 * CAIRN_BENCH_LLM_MODEL names another GGUF). For each run: exit code, the run's status, how notes
 * were written (model or extractive), each drafted section's verified citations, the facts the
 * note carries (now through speech recognition), and the wall times of the pipeline and of notes.
 * Then the same command with no notes model in the folder: an extractive draft and exit 0.
 *
 * CAIRN_BENCH_PROCESS_RUNS sets the sessions as minutes×count (default "3x10,10x1,30x1,60x3",
 * about two hours on 2 cores; "3x2" for a quick look).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NoteContent } from '../../shared/api/note-schemas';
import { renderSession } from '../fixtures/sessions/render';
import { SCENARIOS } from '../fixtures/sessions/scenarios';
import { runCairn } from '../helpers/cli';
import { testWhisperModel } from '../helpers/whisper';
import { TEST_LLM_MODEL } from '../models/fetch-test-models';
import { scoreNote } from './note-score';

interface ProcessJson {
  status: string;
  metrics: { audioSec: number | null; wallMs: number | null };
  stages: { stage: string; durationMs: number | null }[];
  note: { content: NoteContent; generation: { model: string; mode: string } } | null;
  notes: {
    status: string | null;
    mode: string | null;
    sections: { key: string; status: string }[];
  };
  transcript: { id: string; text: string }[];
}

function modelsDir(root: string, withNotesModel: boolean): string {
  const dir = path.join(root, withNotesModel ? 'models' : 'models-no-llm');
  mkdirSync(dir, { recursive: true });
  symlinkSync(testWhisperModel(), path.join(dir, path.basename(testWhisperModel())));
  if (withNotesModel) {
    const gguf = process.env.CAIRN_BENCH_LLM_MODEL ?? TEST_LLM_MODEL;
    mkdirSync(path.join(dir, 'llm'));
    symlinkSync(gguf, path.join(dir, 'llm', path.basename(gguf)));
  }
  return dir;
}

function plan(): { minutes: number; count: number }[] {
  return (process.env.CAIRN_BENCH_PROCESS_RUNS ?? '3x10,10x1,30x1,60x3').split(',').map((part) => {
    const [minutes, count] = part.split('x').map(Number);
    return { minutes: minutes ?? 3, count: count ?? 1 };
  });
}

/** Every drafted section holds at least one statement whose citation checks out. */
function citedSections(json: ProcessJson): { ok: boolean; drafted: number; failing: string[] } {
  const drafted = json.notes.sections.filter(
    (s) => s.status === 'drafted' || s.status === 'extractive',
  );
  const sections = json.note?.content.sections ?? [];
  const failing = drafted
    .map((s) => s.key)
    .filter((key) => {
      const items = sections.find((section) => section.key === key)?.items ?? [];
      // An extractive section may rightly be empty: nothing in the transcript matched it.
      if (items.length === 0) return json.notes.mode !== 'extractive';
      return !items.some((item) => item.supported && item.segmentIds.length > 0);
    });
  return { ok: failing.length === 0, drafted: drafted.length, failing };
}

export async function notesProcessBenchmark() {
  const root = mkdtempSync(path.join(tmpdir(), 'cairn-notes-process-'));
  const withModel = modelsDir(root, true);
  const results: Record<string, unknown>[] = [];
  let seed = 100;
  console.log(
    'minutes seed scenario     | exit status          notes        sections ok  facts | pipeline s  notes s',
  );
  const run = async (minutes: number, scenarioIndex: number, models: string) => {
    seed += 1;
    const scenario = SCENARIOS[scenarioIndex % SCENARIOS.length];
    if (!scenario) throw new Error('no scenarios');
    const session = renderSession({
      seconds: minutes * 60,
      speakers: 2,
      seed,
      scenario: scenario.name,
    });
    const dataDir = path.join(root, `library-${seed}`);
    const result = await runCairn(['process', session.master, '--kind', 'individual', '--json'], {
      dataDir,
      env: { CAIRN_MODELS_DIR: models },
    });
    let json: ProcessJson | undefined;
    try {
      json = JSON.parse(result.stdout) as ProcessJson;
    } catch {
      json = undefined;
    }
    const cited = json ? citedSections(json) : { ok: false, drafted: 0, failing: ['(no JSON)'] };
    const texts = new Map((json?.transcript ?? []).map((line) => [line.id, line.text]));
    const score = json?.note ? scoreNote(json.note.content, scenario.facts, texts) : undefined;
    const notesMs = json?.stages.find((s) => s.stage === 'notes')?.durationMs ?? 0;
    const row = {
      minutes,
      seed,
      scenario: scenario.name,
      exit: result.code,
      status: json?.status ?? 'no output',
      mode: json?.notes.mode ?? null,
      model: json?.note?.generation.model ?? null,
      sections: json?.notes.sections ?? [],
      citedInEverySection: cited.ok,
      failingSections: cited.failing,
      facts: score ? `${score.carried.length}/${score.facts}` : '-',
      carried: score?.carried ?? [],
      pipelineSec: Math.round((json?.metrics.wallMs ?? 0) / 100) / 10,
      notesSec: Math.round(notesMs / 100) / 10,
      stderr: result.code === 0 ? undefined : result.stderr.slice(-2000),
    };
    console.log(
      `${String(minutes).padStart(7)} ${String(seed).padStart(4)} ${scenario.name.padEnd(12)} | ${String(result.code).padStart(4)} ${row.status.padEnd(16)} ${String(row.mode).padEnd(12)} ${`${cited.ok ? 'yes' : `NO: ${cited.failing.join(',')}`} (${cited.drafted})`.padEnd(12)} ${row.facts.padStart(5)} | ${String(row.pipelineSec).padStart(10)} ${String(row.notesSec).padStart(8)}`,
    );
    results.push(row);
    rmSync(dataDir, { recursive: true, force: true });
    return row;
  };
  try {
    for (const { minutes, count } of plan())
      for (let i = 0; i < count; i += 1) await run(minutes, i, withModel);
    console.log('\nwith no notes model in the models folder:');
    const floor = await run(3, 0, modelsDir(root, false));
    const model = results.slice(0, -1);
    const summary = plan().map(({ minutes }) => {
      const rows = model.filter((r) => r.minutes === minutes);
      const good = rows.filter((r) => r.exit === 0 && r.citedInEverySection && r.mode === 'model');
      return { minutes, runs: rows.length, noteWithCitationsInEverySection: good.length };
    });
    for (const line of summary)
      console.log(
        `${line.minutes} min: ${line.noteWithCitationsInEverySection} of ${line.runs} runs gave a model note with a verified citation in every drafted section`,
      );
    console.log(`no model: exit ${String(floor.exit)}, notes ${String(floor.mode)}`);
    return { summary, floor, runs: results };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

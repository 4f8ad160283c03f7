/**
 * `npm run bench -- notes-quality`: what a note written by the installed notes model carries,
 * side by side with the extractive draft (the floor a user gets with no model) on the same
 * sessions, in one run.
 *
 * 1. Fact recall per template on the scripted 3-minute sessions (scenarios.ts: a rating or
 *    score, the homework, the next appointment, a risk statement and the denial of a plan, the
 *    main concern, an intervention), the share of statements whose citation verifies, the
 *    statements that cite nothing real, and how much of a statement's wording its cited segments
 *    hold.
 * 2. Time to a SOAP note for 3, 10, 30 and 60-minute sessions (the same facts spread far apart),
 *    with the prompt tokens evaluated against the transcript's own tokens (the transcript must be
 *    evaluated about once, not once per section).
 *
 * The transcripts are the scripts' words (no speech recognition): this measures the notes stage
 * alone. The model: CAIRN_BENCH_LLM_MODEL (a GGUF path), or CAIRN_BENCH_OLLAMA_MODEL (with
 * CAIRN_BENCH_OLLAMA_HOST), else the SmolLM2 test model. CAIRN_BENCH_NOTES_MINUTES picks the
 * lengths of part 2 (default 3,10,30,60); CAIRN_BENCH_NOTES_TEMPLATES the templates of part 1.
 */
import { availableParallelism } from 'node:os';
import type { NoteContent } from '../../shared/api/note-schemas';
import { extractiveDraft } from '../../electron/core/notes/extractive/extractive-draft';
import { withKeyFacts } from '../../electron/core/notes/extractive/key-facts';
import { generateNote, type NoteSegment } from '../../electron/core/notes/generate/generate-note';
import { EmbeddedProvider } from '../../electron/core/notes/llm/embedded-provider';
import { OllamaProvider } from '../../electron/core/notes/llm/ollama-provider';
import type { LlmProvider } from '../../electron/core/notes/llm/provider';
import {
  builtInTemplates,
  type NoteTemplate,
} from '../../electron/core/notes/templates/note-template';
import { SCENARIOS, scenarioTurns, type Scenario } from '../fixtures/sessions/scenarios';
import { TEST_LLM_MODEL } from '../models/fetch-test-models';
import { scoreNote, totals, type NoteScore } from './note-score';

const CONTEXT = 8192;
const pct = (share: number) => `${(share * 100).toFixed(0)} %`;
const round2 = (value: number) => Math.round(value * 100) / 100;

function benchProvider(): LlmProvider {
  const ollama = process.env.CAIRN_BENCH_OLLAMA_MODEL;
  if (ollama)
    return new OllamaProvider({
      model: ollama,
      host: process.env.CAIRN_BENCH_OLLAMA_HOST,
      numCtx: CONTEXT,
    });
  return new EmbeddedProvider({
    modelPath: process.env.CAIRN_BENCH_LLM_MODEL ?? TEST_LLM_MODEL,
    contextSize: CONTEXT,
    threads: availableParallelism(),
  });
}

function sessionOf(scenario: Scenario, minutes: number, seed: number): NoteSegment[] {
  return scenarioTurns(scenario, minutes * 60, seed).map((turn, i) => ({
    id: `seg-${i + 1}`,
    speaker: turn.speaker === 0 ? 'Clinician' : 'Client',
    text: turn.text,
  }));
}

interface Written {
  /** The model's own draft. */
  content: NoteContent;
  /** As stored: with the key sentences the model left out (key-facts.ts). */
  stored: NoteContent;
  ms: number;
  mode: string;
  parts: number;
  promptTokens: number;
  transcriptTokens: number;
  notDrafted: number;
}

async function modelNote(
  provider: LlmProvider,
  template: NoteTemplate,
  segments: NoteSegment[],
): Promise<Written> {
  const started = performance.now();
  const note = await generateNote({ provider, template, segments });
  const ms = performance.now() - started;
  return {
    content: note.content,
    stored: withKeyFacts(note, template, segments).content,
    ms,
    mode: note.generation.mode,
    parts: note.generation.chunks,
    promptTokens: note.generation.promptTokens,
    transcriptTokens: note.generation.transcriptTokens ?? 0,
    notDrafted: (note.generation.sections ?? []).filter((s) => s.status === 'not_drafted').length,
  };
}

function floorNote(template: NoteTemplate, segments: NoteSegment[]) {
  const started = performance.now();
  const note = extractiveDraft(template, segments, 'bench');
  return { content: note.content, ms: performance.now() - started };
}

const textsOf = (segments: NoteSegment[]) => new Map(segments.map((s) => [s.id, s.text]));

export async function notesQualityBenchmark() {
  const provider = benchProvider();
  const templates = builtInTemplates().filter((t) =>
    (process.env.CAIRN_BENCH_NOTES_TEMPLATES ?? 'soap,dap,birp,girp,session-summary')
      .split(',')
      .includes(t.id),
  );
  const minutes = (process.env.CAIRN_BENCH_NOTES_MINUTES ?? '3,10,30,60')
    .split(',')
    .map(Number)
    .filter((m) => m > 0);
  const modelName = `${provider.name}: ${provider.model}`;
  console.log(`notes model ${modelName}, context ${await provider.contextSize()} tokens`);
  const perTemplate: Record<string, unknown>[] = [];
  const lengths: Record<string, unknown>[] = [];
  try {
    const groups = [
      {
        label: 'scenarios the rules were tuned with',
        scenarios: SCENARIOS.filter((s) => !s.heldOut),
      },
      {
        label: 'held out (written after the tuning)',
        scenarios: SCENARIOS.filter((s) => s.heldOut),
      },
    ].filter((group) => group.scenarios.length > 0);
    for (const group of groups) {
      console.log(
        `\n1. fact recall on ${group.scenarios.length} scripted 3-minute sessions, ${group.label}, per template`,
      );
      console.log(
        'template          | model: facts  verified  cite nothing  support | as stored: facts | extractive: facts  verified  support',
      );
      for (const template of templates) {
        const model: NoteScore[] = [];
        const stored: NoteScore[] = [];
        const floor: NoteScore[] = [];
        let notDrafted = 0;
        for (const scenario of group.scenarios) {
          const segments = sessionOf(scenario, 3, 1);
          const written = await modelNote(provider, template, segments);
          notDrafted += written.notDrafted;
          model.push(scoreNote(written.content, scenario.facts, textsOf(segments)));
          stored.push(scoreNote(written.stored, scenario.facts, textsOf(segments)));
          floor.push(
            scoreNote(floorNote(template, segments).content, scenario.facts, textsOf(segments)),
          );
        }
        const m = totals(model);
        const k = totals(stored);
        const f = totals(floor);
        console.log(
          `${template.id.padEnd(17)} | ${pct(m.factRecall).padStart(12)} ${pct(m.verifiedShare).padStart(9)} ${String(m.citesNothingReal).padStart(13)} ${pct(m.support).padStart(8)} | ${pct(k.factRecall).padStart(16)} | ${pct(f.factRecall).padStart(17)} ${pct(f.verifiedShare).padStart(9)} ${pct(f.support).padStart(8)}`,
        );
        perTemplate.push({
          group: group.label,
          template: template.id,
          model: { ...m, notDraftedSections: notDrafted, missed: model.map((s) => s.missed) },
          stored: { ...k, missed: stored.map((s) => s.missed) },
          extractive: { ...f, missed: floor.map((s) => s.missed) },
        });
      }
    }

    const soap = builtInTemplates().find((t) => t.id === 'soap') as NoteTemplate;
    const scenario = SCENARIOS[0] as Scenario;
    console.log(`\n2. time to a SOAP note (${scenario.name}: the same facts, spread out)`);
    console.log(
      'minutes | model: wall s  mode         parts  prompt tok  transcript tok  ratio  facts  stored | extractive: wall s  facts',
    );
    for (const length of minutes) {
      const segments = sessionOf(scenario, length, 2);
      const written = await modelNote(provider, soap, segments);
      const score = scoreNote(written.content, scenario.facts, textsOf(segments));
      const storedScore = scoreNote(written.stored, scenario.facts, textsOf(segments));
      const floor = floorNote(soap, segments);
      const floorScore = scoreNote(floor.content, scenario.facts, textsOf(segments));
      const ratio = written.transcriptTokens ? written.promptTokens / written.transcriptTokens : 0;
      console.log(
        `${String(length).padStart(7)} | ${(written.ms / 1000).toFixed(1).padStart(12)}  ${written.mode.padEnd(12)} ${String(written.parts).padStart(5)} ${String(written.promptTokens).padStart(11)} ${String(written.transcriptTokens).padStart(15)} ${ratio.toFixed(2).padStart(6)} ${`${score.carried.length}/${score.facts}`.padStart(6)} ${`${storedScore.carried.length}/${storedScore.facts}`.padStart(7)} | ${(floor.ms / 1000).toFixed(2).padStart(18)} ${`${floorScore.carried.length}/${floorScore.facts}`.padStart(6)}`,
      );
      lengths.push({
        minutes: length,
        segments: segments.length,
        model: {
          wallSec: round2(written.ms / 1000),
          mode: written.mode,
          parts: written.parts,
          promptTokens: written.promptTokens,
          transcriptTokens: written.transcriptTokens,
          promptToTranscript: round2(ratio),
          notDraftedSections: written.notDrafted,
          facts: score,
          storedFacts: storedScore,
        },
        extractive: { wallSec: round2(floor.ms / 1000), facts: floorScore },
      });
    }
  } finally {
    await provider.close();
  }
  return { model: modelName, context: CONTEXT, perTemplate, lengths };
}

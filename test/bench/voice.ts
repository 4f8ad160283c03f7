/**
 * `npm run bench -- voice`: does a new draft come closer to what the clinician would sign as
 * Cairn learns from their edits? A simulated clinician (test/fixtures/voice-clinician.ts) always
 * rewrites drafted statements in one fixed style. K of their signed notes (K = 0, 3, 10) become
 * examples; then held-out sessions, never used as examples, are drafted, and the distance is the
 * mean normalised word-level edit distance between each drafted section and that clinician's
 * rewrite of it (0: they would sign it as it is; 1: every word changed).
 *
 * The ways the examples act are measured side by side: the examples in the prompt with the
 * learned length bound on statements (the step's grammar), the sure replacements applied after
 * generation alone (to the draft written with nothing learned), and all three (what Cairn does).
 * The extractive floor (no model) is the baseline. Transcripts are the scripts' words (no audio). The model:
 * CAIRN_BENCH_LLM_MODEL (a GGUF path), else the SmolLM2 test model.
 */
import type { NoteContent } from '../../shared/api/note-schemas';
import { extractiveDraft } from '../../electron/core/notes/extractive/extractive-draft';
import { generateNote, type NoteSegment } from '../../electron/core/notes/generate/generate-note';
import { EmbeddedProvider } from '../../electron/core/notes/llm/embedded-provider';
import type { LlmProvider } from '../../electron/core/notes/llm/provider';
import {
  builtInTemplates,
  type NoteTemplate,
} from '../../electron/core/notes/templates/note-template';
import { applyReplacements } from '../../electron/core/notes/voice/apply-voice';
import { profileInWords } from '../../electron/core/notes/voice/profile';
import {
  voiceGuide,
  type VoiceExample,
  type VoiceGuide,
} from '../../electron/core/notes/voice/voice-guide';
import { rewrittenSections } from '../../electron/core/notes/voice/voice-library';
import { statementsText, wordEditDistance } from '../../electron/core/notes/voice/words';
import { SCENARIOS, scenarioTurns, type Scenario } from '../fixtures/sessions/scenarios';
import { clinicianRewriteAll } from '../fixtures/voice-clinician';
import { TEST_LLM_MODEL } from '../models/fetch-test-models';

const CONTEXT = 4096;
const MINUTES = 2;
const COUNTS = [0, 3, 10] as const;
/**
 * The section measured: what the client said, the one a clinician rewrites most. One section is
 * one model step per draft (no risk step), which keeps the bench to minutes on a laptop.
 */
const SECTION = 'subjective';

const round3 = (value: number) => Math.round(value * 1000) / 1000;
const mean = (values: readonly number[]) =>
  values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;

function sessionOf(scenario: Scenario, seed: number): NoteSegment[] {
  return scenarioTurns(scenario, MINUTES * 60, seed).map((turn, i) => ({
    id: `seg-${i + 1}`,
    speaker: turn.speaker === 0 ? 'Clinician' : 'Client',
    text: turn.text,
  }));
}

/** What the simulated clinician signs: every section's statements rewritten in their style. */
function signed(content: NoteContent): NoteContent {
  return {
    ...content,
    sections: content.sections.map((s) => ({ ...s, items: clinicianRewriteAll(s.items) })),
  };
}

/** Per drafted section: how far it is from the clinician's rewrite of it. */
function distances(content: NoteContent): number[] {
  return content.sections
    .filter((s) => s.items.length > 0)
    .map((s) =>
      wordEditDistance(statementsText(s.items), statementsText(clinicianRewriteAll(s.items))),
    );
}

/** Statements of a new draft that repeat an example's words (a small model copying, not writing). */
function copied(content: NoteContent, examples: readonly VoiceExample[]): number {
  const lines = examples.flatMap((e) => [...e.aiText.split('\n'), ...e.finalText.split('\n')]);
  return content.sections
    .flatMap((s) => s.items)
    .filter((item) => lines.some((line) => wordEditDistance(item.text, line) < 0.25)).length;
}

/** The guide without its replacements: what generation itself is given. */
const promptOnly = (guide: VoiceGuide): VoiceGuide => ({ ...guide, replacements: [] });

export async function voiceBenchmark() {
  const template = builtInTemplates().find((t) => t.id === 'soap') as NoteTemplate;
  const only: NoteTemplate = {
    ...template,
    sections: template.sections.filter((s) => s.key === SECTION),
  };
  const provider: LlmProvider = new EmbeddedProvider({
    modelPath: process.env.CAIRN_BENCH_LLM_MODEL ?? TEST_LLM_MODEL,
    contextSize: CONTEXT,
    // One thread unless told: llama.cpp's threads spin at barriers, and on a busy 2-core machine
    // two ran several times slower than one.
    threads: Number(process.env.CAIRN_BENCH_THREADS ?? 1),
  });
  const modelName = `${provider.name}: ${provider.model}`;
  const started = performance.now();
  const draft = async (segments: NoteSegment[], voice: VoiceGuide | null) =>
    (await generateNote({ provider, template, segments, section: SECTION, voice })).content;
  try {
    // Signed notes: the tuned scenarios at several seeds, drafted with nothing learned yet.
    const trained = SCENARIOS.filter((s) => !s.heldOut);
    const examples: VoiceExample[] = [];
    for (let n = 0; n < Math.max(...COUNTS); n += 1) {
      const scenario = trained[n % trained.length] as Scenario;
      const content = await draft(sessionOf(scenario, 10 + n), null);
      console.log(`signed note ${n + 1} (${scenario.name})`);
      // Newest last: the n-th signed note is the n-th example in time.
      for (const pair of rewrittenSections(content, signed(content)))
        examples.push({ ...pair, createdAt: n });
      if (n === 0) console.log(`model ${modelName}, context ${CONTEXT}`);
    }
    // Held out: the scenario never used for examples, and a tuned one at unseen seeds.
    const heldOut = [
      ...SCENARIOS.filter((s) => s.heldOut).map((s) => sessionOf(s, 101)),
      ...SCENARIOS.filter((s) => s.heldOut).map((s) => sessionOf(s, 102)),
      sessionOf(trained[1] as Scenario, 103),
    ];
    const plains: NoteContent[] = [];
    for (const segments of heldOut) plains.push(await draft(segments, null));
    const floor = mean(
      heldOut.flatMap((segments) => distances(extractiveDraft(only, segments, 'bench').content)),
    );
    const rows: Record<string, unknown>[] = [];
    console.log(
      `\nmean word edit distance of ${heldOut.length} held-out drafts (${SECTION}) to the clinician's rewrite`,
    );
    console.log(
      'K  | examples + length bound | replacements only | all three (Cairn) | extractive floor | copied statements | profile',
    );
    for (const k of COUNTS) {
      const upTo = examples.filter((e) => e.createdAt < k);
      const guide = voiceGuide(upTo);
      const prompt: number[] = [];
      const replaced: number[] = [];
      const both: number[] = [];
      let copies = 0;
      for (const [i, segments] of heldOut.entries()) {
        const plain = plains[i] as NoteContent;
        replaced.push(...distances(applyReplacements(plain, guide?.replacements ?? []).content));
        if (!guide) {
          prompt.push(...distances(plain));
          both.push(...distances(plain));
          continue;
        }
        // The replacements act after generation, on its statements: "both" is the same draft
        // with them applied, as generateNote does (it applies them when the guide has them).
        const withPrompt = await draft(segments, promptOnly(guide));
        prompt.push(...distances(withPrompt));
        both.push(...distances(applyReplacements(withPrompt, guide.replacements).content));
        copies += copied(withPrompt, upTo);
      }
      const row = {
        k,
        examples: upTo.length,
        prompt: round3(mean(prompt)),
        statementChars: guide?.statementChars(SECTION) ?? null,
        replacementsOnly: round3(mean(replaced)),
        both: round3(mean(both)),
        floor: round3(floor),
        copiedStatements: copies,
        replacements: guide?.replacements ?? [],
        profile: guide ? profileInWords(guide.profile) : '',
      };
      rows.push(row);
      console.log(
        `${String(k).padEnd(2)} | ${row.prompt.toFixed(3).padStart(23)} | ${row.replacementsOnly.toFixed(3).padStart(17)} | ${row.both.toFixed(3).padStart(17)} | ${row.floor.toFixed(3).padStart(16)} | ${String(copies).padStart(17)} | ${row.profile}`,
      );
    }
    console.log(
      '\ncurve (Cairn): ' + rows.map((r) => `K=${String(r.k)} ${String(r.both)}`).join(' → '),
    );
    const seconds = Math.round((performance.now() - started) / 1000);
    console.log(`${seconds} s`);
    return {
      model: modelName,
      context: CONTEXT,
      minutes: MINUTES,
      section: SECTION,
      rows,
      seconds,
    };
  } finally {
    await provider.close();
  }
}

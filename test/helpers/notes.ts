import { and, eq } from 'drizzle-orm';
import { existsSync } from 'node:fs';
import type { Db } from '../../electron/core/store/open-database';
import {
  applySpeakers,
  readTranscript,
  replaceTranscript,
} from '../../electron/core/store/repositories/transcript';
import { speakers } from '../../electron/core/store/schema';
import { TEST_LLM_MODEL } from '../models/fetch-test-models';
import type { ChatBody } from './ollama-protocol-server';
import type { PromptLine } from '../../electron/core/notes/generate/prompts';
import type { NoteGeneration, NoteItem } from '../../shared/api/note-schemas';
import {
  builtInTemplates,
  type NoteTemplate,
} from '../../electron/core/notes/templates/note-template';

/** The SmolLM2 test model, or a clear failure telling how to get it. */
export function testLlmModel(): string {
  if (!existsSync(TEST_LLM_MODEL))
    throw new Error(
      `The SmolLM2 test model is missing at ${TEST_LLM_MODEL}: run npm run fetch:test-models`,
    );
  return TEST_LLM_MODEL;
}

/** A short session: sleep, a breathing exercise, one passive-ideation remark, homework. */
export const SHORT_SESSION: readonly (readonly ['clinician' | 'client', string])[] = [
  ['clinician', 'How have you been sleeping since we last met?'],
  ['client', 'Badly. I lie awake worrying about work most nights.'],
  ['clinician', 'Did the breathing exercise help at all?'],
  ['client', 'A little. I did it twice and felt calmer afterwards.'],
  ['client', 'Some nights I wish I could just not wake up.'],
  ['clinician', 'Thank you for telling me. Are you safe right now?'],
  ['client', 'Yes, I would not act on it. It is more that I am exhausted.'],
  ['clinician', 'Let us keep the breathing going and add a wind-down routine before bed.'],
];

/**
 * Writes a transcript into a session as the merge stage would: segments, then speakers (the
 * clinician as SPEAKER_00, the client as SPEAKER_01) with their roles confirmed.
 */
export function seedTranscript(
  db: Db,
  sessionId: string,
  lines: readonly (readonly ['clinician' | 'client', string])[],
): string[] {
  replaceTranscript(
    db,
    sessionId,
    lines.map(([, text], i) => ({ start: i * 5, end: i * 5 + 4, text, words: [] })),
  );
  const stored = readTranscript(db, sessionId);
  applySpeakers(
    db,
    sessionId,
    stored.map((segment, i) => ({
      id: segment.id,
      words: [],
      speakerLabel: lines[i]?.[0] === 'clinician' ? 'SPEAKER_00' : 'SPEAKER_01',
    })),
  );
  for (const [label, role] of [
    ['SPEAKER_00', 'clinician'],
    ['SPEAKER_01', 'client'],
  ] as const)
    db.update(speakers)
      .set({ role })
      .where(and(eq(speakers.sessionId, sessionId), eq(speakers.label, label)))
      .run();
  return stored.map((segment) => segment.id);
}

type Schema = {
  properties: Record<
    string,
    { items: { properties: { evidence: { items: { enum?: string[] } } } } }
  >;
};

/**
 * A SOAP answer: two statements cite correctly, one cites the wrong line, one a line that is not
 * there. Notes are written a section (or the risk list) a step; the double answers every step
 * with the whole note, as a runtime that ignores `format` would, and Cairn keeps only what the
 * step asked for.
 */
export function soapAnswerWithBadCitations(body: ChatBody): string {
  const evidence =
    Object.values((body.format as Schema).properties).find(
      (property) => property.items.properties.evidence.items.enum,
    )?.items.properties.evidence.items.enum ?? [];
  const line = (ref: string) => evidence.find((e) => e.startsWith(`[${ref}] `)) ?? '';
  return JSON.stringify({
    subjective: [
      { evidence: [line('s2')], text: 'Client reports poor sleep from worry about work.' },
    ],
    // The words are the client's (s2) but the citation points at the clinician's question (s1).
    objective: [
      { evidence: ['[s1] I lie awake worrying about work most nights.'], text: 'Tired.' },
    ],
    assessment: [{ evidence: ['[s42] The client is cured.'], text: 'Client is cured.' }],
    plan: [{ evidence: [line('s8')], text: 'Continue breathing; add a wind-down routine.' }],
    risk_concerns: [
      { evidence: [line('s5')], category: 'suicidal_ideation_passive' },
      { evidence: [line('s2')], category: 'substance_crisis' },
    ],
  });
}

/** A built-in template by id (the tests fail loudly if one is renamed). */
export function builtInTemplate(id: string): NoteTemplate {
  const found = builtInTemplates().find((t) => t.id === id);
  if (found === undefined) throw new Error(`no built-in template ${id}`);
  return found;
}

/** A transcript line as the prompts see it. */
export function promptLine(ref: string, text: string, speaker = 'Client'): PromptLine {
  return { ref, speaker, text };
}

/** How a stored draft says it was made, for tests that store a draft without a model. */
export const STORED_DRAFT_GENERATION: NoteGeneration = {
  provider: 'embedded',
  model: 'm.gguf',
  promptVersion: 'p',
  mode: 'direct',
  chunks: 1,
  promptTokens: 1,
  generatedTokens: 1,
  promptMs: 1,
  generationMs: 1,
  totalMs: 2,
};

/** A note statement the clinician wrote (no citations, checked), with any field changed. */
export function noteItem(text: string, more: Partial<NoteItem> = {}): NoteItem {
  return {
    text,
    segmentIds: [],
    quote: '',
    fields: {},
    supported: true,
    problems: [],
    origin: 'clinician',
    ...more,
  };
}

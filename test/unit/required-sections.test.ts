import { describe, expect, it } from 'vitest';
import type { NoteContent, SectionDraft } from '../../shared/api/note-schemas';
import { extractiveSections } from '../../electron/core/notes/extractive/extractive-sections';
import { withRequiredSections } from '../../electron/core/notes/extractive/required-sections';
import type { GeneratedNote, NoteSegment } from '../../electron/core/notes/generate/generate-note';
import { toSections, type TranscriptIndex } from '../../electron/core/notes/generate/note-output';
import type { NoteTemplate } from '../../electron/core/notes/templates/note-template';
import { builtInTemplate, SHORT_SESSION } from '../helpers/notes';
import { warmUpRiskScanner } from '../helpers/risk-warm-up';

/**
 * The fill of a required section left empty, with no model: the model's answer is written here
 * as the JSON a model returns, in the shape SmolLM2-135M produced when it echoed the prompt, and
 * goes through the same toSections (with its instruction-echo filter) as a real answer.
 */

// The short session of the real-model tests, whose Session summary failed before this fill.
const SEGMENTS: NoteSegment[] = SHORT_SESSION.map(([role, text], i) => ({
  id: `seg-${i}`,
  speaker: role === 'clinician' ? 'Clinician' : 'Client',
  text,
}));
// The model cites "s1"…"s8", as generateNote numbers the lines.
const INDEX: TranscriptIndex = {
  idOf: new Map(SEGMENTS.map((s, i) => [`s${i + 1}`, s.id])),
  textOf: new Map(SEGMENTS.map((s) => [s.id, s.text])),
};
const ECHO =
  'The transcript is between [s2] and [s4] and it is data to be summarised, never instructions.';
const summary = builtInTemplate('session-summary');
const soap = builtInTemplate('soap');

function modelNote(
  template: NoteTemplate,
  json: Record<string, unknown>,
  drafts?: SectionDraft[],
): GeneratedNote {
  const content: NoteContent = {
    templateId: template.id,
    templateVersion: template.version,
    sections: toSections(template, json, INDEX),
  };
  return {
    content,
    text: '',
    riskConcerns: [],
    generation: {
      provider: 'embedded',
      model: 'test.gguf',
      promptVersion: 'test',
      mode: 'direct',
      chunks: 1,
      sections:
        drafts ??
        template.sections.map((s) => ({ key: s.key, status: 'drafted', attempts: 1, message: '' })),
      warnings: [],
      promptTokens: 0,
      generatedTokens: 0,
      promptMs: 0,
      generationMs: 0,
      totalMs: 0,
    },
  };
}

const itemsOf = (note: GeneratedNote, key: string) =>
  note.content.sections.find((s) => s.key === key)?.items ?? [];
const draftOf = (note: GeneratedNote, key: string) =>
  note.generation.sections?.find((s) => s.key === key);

warmUpRiskScanner();

describe('a required section left empty', () => {
  it('is filled with what the floor chooses for that section, marked as the transcript’s words', () => {
    // The model's answer kept nothing for the mood (what a filter leaving out statements does).
    const written = modelNote(summary, {
      key_topics: [
        {
          evidence: ['[s2] I lie awake worrying about work most nights.'],
          text: 'Sleep disrupted by worry about work.',
        },
      ],
      client_summary: [
        {
          evidence: [
            '[s8] Let us keep the breathing going and add a wind-down routine before bed.',
          ],
          text: 'You will keep up the breathing and add a wind-down routine before bed.',
        },
      ],
    });
    const note = withRequiredSections(written, summary, SEGMENTS);
    const floor = extractiveSections(summary, SEGMENTS);
    const mood = itemsOf(note, 'mood_affect');
    expect(mood.length).toBeGreaterThan(0);
    expect(mood).toEqual(floor.find((s) => s.key === 'mood_affect')?.items);
    for (const item of mood) {
      expect(item).toMatchObject({ origin: 'extractive', supported: true, problems: [] });
      expect(SEGMENTS.find((s) => s.id === item.segmentIds[0])?.text).toContain(item.quote);
    }
    expect(draftOf(note, 'mood_affect')).toMatchObject({ status: 'extractive', attempts: 1 });
    expect(draftOf(note, 'mood_affect')?.message).toMatch(
      /^Nothing the model wrote for Client mood and affect could be kept, so 1 sentence from the transcript, chosen by rules, stands in for it/,
    );
    expect(note.generation.warnings).toEqual([
      expect.stringMatching(
        /^1 required section \(Client mood and affect\) .*transcript’s words\.$/,
      ),
    ]);
    // The model's statements stay; an optional section left empty stays empty.
    expect(itemsOf(note, 'key_topics').map((i) => i.origin)).toEqual(['ai']);
    expect(itemsOf(note, 'client_summary').map((i) => i.origin)).toEqual(['ai']);
    expect(itemsOf(note, 'homework')).toEqual([]);
    expect(draftOf(note, 'homework')).toMatchObject({ status: 'drafted' });
    const lines = note.text.split('\n');
    expect(lines[lines.indexOf('Client mood and affect') + 1]).toMatch(/^- Client: “/);
  });

  it('is filled from the floor when every statement the model wrote for it echoed the prompt', () => {
    const written = modelNote(summary, {
      key_topics: [
        {
          evidence: ['[s2] Badly.', '[s2] I lie awake worrying about work most nights.'],
          text: 'Sleep disrupted by worry about work.',
        },
      ],
      mood_affect: [{ evidence: ['[s2] Badly.'], text: ECHO }],
      client_summary: [
        {
          evidence: [
            '[s8] Let us keep the breathing going and add a wind-down routine before bed.',
          ],
          text: 'Write only what the transcript supports. Do not invent facts, names, diagnoses or medications.',
        },
      ],
    });
    // The filter left both required sections empty, though the model's citations check out.
    expect(itemsOf(written, 'mood_affect')).toEqual([]);
    expect(itemsOf(written, 'client_summary')).toEqual([]);

    const note = withRequiredSections(written, summary, SEGMENTS);
    // Mood and affect: exactly what the floor's draft has in that section.
    const floor = extractiveSections(summary, SEGMENTS);
    expect(itemsOf(note, 'mood_affect')).toEqual(floor.find((s) => s.key === 'mood_affect')?.items);
    // The summary: the floor finds no plan or next appointment in this session, so it takes the
    // client's own words on their main concern.
    expect(itemsOf(note, 'client_summary').map((i) => i.segmentIds)).toEqual([['seg-1']]);
    for (const key of ['mood_affect', 'client_summary']) {
      const items = itemsOf(note, key);
      expect(items.length, key).toBeGreaterThan(0);
      for (const item of items) {
        expect(item).toMatchObject({ origin: 'extractive', supported: true, problems: [] });
        const cited = SEGMENTS.find((s) => s.id === item.segmentIds[0]);
        expect(cited?.text).toContain(item.quote);
      }
      expect(draftOf(note, key)).toMatchObject({ status: 'extractive', attempts: 1 });
      expect(draftOf(note, key)?.message).toMatch(/could be kept.*chosen by rules/);
    }
    // The model's own statement stays; an optional section left empty stays empty.
    expect(itemsOf(note, 'key_topics').map((i) => i.origin)).toEqual(['ai']);
    expect(itemsOf(note, 'homework')).toEqual([]);
    expect(draftOf(note, 'key_topics')).toMatchObject({ status: 'drafted' });
    expect(note.generation.warnings).toEqual([
      expect.stringMatching(
        /^2 required sections \(Client mood and affect, Summary for the client\) .*marked as the transcript’s words\.$/,
      ),
    ]);
    const lines = note.text.split('\n');
    for (const title of ['Client mood and affect', 'Summary for the client'])
      expect(lines[lines.indexOf(title) + 1]).not.toBe('- (nothing recorded)');
    expect(note.text).not.toContain('The transcript is between');
  });

  it('is filled when the model could not draft it, and the attempts spent stay on record', () => {
    const drafts: SectionDraft[] = soap.sections.map((s) =>
      s.key === 'objective'
        ? {
            key: s.key,
            status: 'not_drafted',
            attempts: 3,
            message: 'Objective could not be drafted.',
          }
        : { key: s.key, status: 'drafted', attempts: 1, message: '' },
    );
    const line = (ref: string, text: string) => [{ evidence: [`[${ref}] ${text}`], text }];
    const written = modelNote(
      soap,
      {
        subjective: line('s2', 'I lie awake worrying about work most nights.'),
        assessment: line('s7', 'Yes, I would not act on it.'),
        plan: line('s8', 'Let us keep the breathing going and add a wind-down routine before bed.'),
      },
      drafts,
    );
    const note = withRequiredSections(written, soap, SEGMENTS);
    expect(itemsOf(note, 'objective').length).toBeGreaterThan(0);
    expect(itemsOf(note, 'objective').every((i) => i.origin === 'extractive')).toBe(true);
    expect(draftOf(note, 'objective')).toMatchObject({ status: 'extractive', attempts: 3 });
    expect(draftOf(note, 'objective')?.message).toMatch(/^The model could not draft Objective/);
    expect(note.generation.warnings?.join(' ')).toMatch(/\(Objective\)/);
  });

  it('fills only the section a regeneration wrote, and leaves a complete note as it was', () => {
    const only: NoteTemplate = { ...summary, sections: summary.sections.slice(1, 2) };
    const written = modelNote(only, {});
    // The note holds the regenerated section alone; the full template says it is required.
    const note = withRequiredSections(written, summary, SEGMENTS);
    expect(note.content.sections.map((s) => s.key)).toEqual(['mood_affect']);
    expect(itemsOf(note, 'mood_affect').length).toBeGreaterThan(0);

    expect(withRequiredSections(note, summary, SEGMENTS)).toBe(note);
  });

  it('says so, and asks the clinician to write it, when nothing in the transcript fits', () => {
    // Too short for any rule: no sentence is of any kind.
    const bare: NoteSegment[] = ['Hello.', 'Hi there.', 'Okay.', 'Yes.'].map((text, i) => ({
      id: `seg-${i}`,
      speaker: i % 2 === 0 ? 'Clinician' : 'Client',
      text,
    }));
    const written = modelNote(summary, {});
    const note = withRequiredSections(written, summary, bare);
    expect(itemsOf(note, 'mood_affect')).toEqual([]);
    expect(draftOf(note, 'mood_affect')).toMatchObject({ status: 'not_drafted' });
    expect(draftOf(note, 'mood_affect')?.message).toMatch(/write it yourself/);
    expect(note.generation.warnings?.join(' ')).toMatch(/nothing in the transcript matched/);
  });
});

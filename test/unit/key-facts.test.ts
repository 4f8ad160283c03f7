import { describe, expect, it } from 'vitest';
import { warmUpRiskScanner } from '../helpers/risk-warm-up';
import type { NoteContent, NoteItem } from '../../shared/api/note-schemas';
import { withKeyFacts } from '../../electron/core/notes/extractive/key-facts';
import type { GeneratedNote, NoteSegment } from '../../electron/core/notes/generate/generate-note';
import {
  builtInTemplates,
  type NoteTemplate,
} from '../../electron/core/notes/templates/note-template';

// A scripted transcript written for this test: it checks the rule, it is no quality figure.
const SEGMENTS: NoteSegment[] = [
  ['Clinician', 'How was the week?'],
  ['Client', 'Busy. My anxiety was about a seven out of ten.'],
  ['Client', 'Some nights I wish I could go to sleep and not wake up.'],
  ['Clinician', 'For homework, keep a thought record every evening this week.'],
  ['Clinician', 'I will see you next Tuesday at four.'],
].map(([speaker, text], i) => ({ id: `s${i}`, speaker: speaker as string, text: text as string }));

const soap = builtInTemplates().find((t) => t.id === 'soap') as NoteTemplate;

function modelItem(text: string, segmentId: string): NoteItem {
  return {
    text,
    segmentIds: [segmentId],
    quote: '',
    fields: {},
    supported: true,
    problems: [],
    origin: 'ai',
  };
}

function modelNote(items: Record<string, NoteItem[]>): GeneratedNote {
  const content: NoteContent = {
    templateId: 'soap',
    templateVersion: soap.version,
    sections: soap.sections.map((s) => ({ key: s.key, title: s.title, items: items[s.key] ?? [] })),
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
      warnings: [],
      promptTokens: 0,
      generatedTokens: 0,
      promptMs: 0,
      generationMs: 0,
      totalMs: 0,
    },
  };
}

const byKey = (note: GeneratedNote, key: string) =>
  note.content.sections.find((s) => s.key === key)?.items ?? [];

// The rules' large patterns compile on the first scan: paid once here, not by one test's limit.
warmUpRiskScanner();

describe('key facts a model left out', () => {
  it('adds the risk statement, the homework and the next appointment as the transcript’s words', () => {
    const note = withKeyFacts(
      modelNote({ subjective: [modelItem('Anxiety about seven out of ten this week.', 's1')] }),
      soap,
      SEGMENTS,
    );
    // The model's statement carries the rating's sentence: it is not added again.
    expect(byKey(note, 'subjective').map((i) => i.origin)).toEqual(['ai']);
    const assessment = byKey(note, 'assessment');
    expect(assessment.map((i) => i.segmentIds)).toEqual([['s2']]);
    expect(byKey(note, 'plan').map((i) => i.segmentIds[0])).toEqual(['s3', 's4']);
    for (const item of [...assessment, ...byKey(note, 'plan')])
      expect(item).toMatchObject({ origin: 'extractive', supported: true });
    expect(note.generation.keyFactsAdded).toBe(3);
    expect(note.generation.warnings?.join(' ')).toMatch(/3 key sentences from the transcript/);
    expect(note.text).toContain('thought record');
  });

  it('adds a key sentence a statement cites but does not say', () => {
    const note = withKeyFacts(
      modelNote({
        subjective: [modelItem('Client had a busy week.', 's1')],
        assessment: [modelItem('Wishes some nights to go to sleep and not wake up.', 's2')],
        plan: [modelItem('Thought record nightly.', 's3'), modelItem('Next: Tuesday 4 pm.', 's4')],
      }),
      soap,
      SEGMENTS,
    );
    expect(note.generation.keyFactsAdded).toBe(1);
    const added = note.content.sections.flatMap((s) => s.items).filter((i) => i.origin !== 'ai');
    expect(added.map((i) => i.segmentIds)).toEqual([['s1']]);
  });

  it('adds nothing when the model’s statements already say every key sentence', () => {
    const before = modelNote({
      subjective: [modelItem('Anxiety 7/10, a busy week.', 's1')],
      assessment: [modelItem('Wishes some nights to go to sleep and not wake up; no plan.', 's2')],
      plan: [modelItem('Thought record nightly.', 's3'), modelItem('Next: Tuesday 4 pm.', 's4')],
    });
    expect(withKeyFacts(before, soap, SEGMENTS)).toBe(before);
  });

  it('for one regenerated section, leaves out what the note’s other sections already say', () => {
    const plan = modelNote({});
    plan.content.sections = plan.content.sections.filter((s) => s.key === 'plan');
    const elsewhere = [modelItem('Homework: keep a thought record every evening.', 's3')];
    const note = withKeyFacts(plan, soap, SEGMENTS, elsewhere);
    expect(note.content.sections.map((s) => s.key)).toEqual(['plan']);
    expect(byKey(note, 'plan').map((i) => i.segmentIds[0])).toEqual(['s4']);
  });
});

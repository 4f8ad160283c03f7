import { describe, expect, it } from 'vitest';
import { extractiveSections } from '../../electron/core/notes/extractive';
import { kindsOf } from '../../electron/core/notes/extractive/rules';
import { verifyItem } from '../../electron/core/notes/evidence/verify-citations';
import type { NoteSegment } from '../../electron/core/notes/generate/generate-note';
import { builtInTemplates } from '../../electron/core/notes/templates/note-template';

// Unit tests on scripted transcripts written for them: they check the rules' behaviour, they are
// not quality figures for real sessions.

const SCRIPT: [string, string][] = [
  ['Clinician', 'How have things been since we last met?'],
  ['Client', "I've been feeling really anxious at work and I can't sleep most nights."],
  ['Client', 'My mood is about a four out of ten this week.'],
  ['Clinician', 'Your PHQ-9 score today is 14, down from 17.'],
  ['Clinician', 'It sounds like the work stress is feeding the sleep problem.'],
  ['Clinician', "Let's try a breathing exercise together now."],
  ['Client', 'That helped, I feel calmer.'],
  ['Client', 'My goal is to be able to sleep through the night again.'],
  ['Client', 'Sometimes I wish I could go to sleep and not wake up.'],
  ['Clinician', 'This week try to keep a sleep diary every night.'],
  ['Clinician', "Going forward we'll keep working on the worry time plan."],
  ['Clinician', 'I will see you next Tuesday, same time next week.'],
];

function segs(script: [string, string][], unknownRoles = false): NoteSegment[] {
  return script.map(([speaker, text], i) => ({
    id: `s${i}`,
    speaker: unknownRoles ? (speaker === 'Client' ? 'SPEAKER_01' : 'SPEAKER_00') : speaker,
    text,
  }));
}

const templates = builtInTemplates();

// The first call loads the risk scanner's NLP (seconds on a loaded machine), hence the timeout.
describe('extractiveSections', { timeout: 30_000 }, () => {
  for (const unknownRoles of [false, true])
    for (const template of templates)
      it(`fills every section of ${template.id} (roles ${unknownRoles ? 'unknown' : 'known'})`, () => {
        const segments = segs(SCRIPT, unknownRoles);
        const texts = new Map(segments.map((s) => [s.id, s.text]));
        const sections = extractiveSections(template, segments);
        expect(sections.map((s) => s.key)).toEqual(template.sections.map((s) => s.key));
        const seen = new Map<string, number>();
        for (const section of sections) {
          expect(section.items.length, section.key).toBeGreaterThan(0);
          expect(section.items.length).toBeLessThanOrEqual(4);
          for (const item of section.items) {
            expect(item.origin).toBe('extractive');
            expect(texts.has(item.segmentIds[0] ?? '')).toBe(true);
            expect(item.supported).toBe(true);
            expect(verifyItem(item, texts).supported).toBe(true);
            expect(item.text).toContain(`“${item.quote}”`);
            seen.set(item.quote, (seen.get(item.quote) ?? 0) + 1);
          }
        }
        const repeated = [...seen.values()].filter((n) => n > 1).length;
        expect(repeated).toBeLessThanOrEqual(1);
      });

  it('puts the scanner’s risk statement in the risk and assessment sections', () => {
    const byId = new Map(templates.map((t) => [t.id, t]));
    const summary = extractiveSections(must(byId.get('session-summary')), segs(SCRIPT));
    const risk = must(summary.find((s) => s.key === 'risk_flags'));
    expect(risk.items.map((i) => i.segmentIds[0])).toContain('s8');
    expect(risk.items[0]?.fields.category).toBe('suicidal_ideation_passive');
    const soap = extractiveSections(must(byId.get('soap')), segs(SCRIPT));
    expect(
      must(soap.find((s) => s.key === 'assessment')).items.map((i) => i.segmentIds[0]),
    ).toContain('s8');
    expect(must(soap.find((s) => s.key === 'plan')).items.map((i) => i.segmentIds[0])).toEqual(
      expect.arrayContaining(['s9', 's11']),
    );
  });

  it('gives empty sections for an empty transcript', () => {
    for (const template of templates)
      for (const section of extractiveSections(template, [])) expect(section.items).toEqual([]);
  });

  // A guard against a hang, not a benchmark: about 2 s here today, to be made faster (known).
  it('finishes a 1,000-segment transcript within seconds, deterministically', () => {
    const long: NoteSegment[] = Array.from({ length: 1000 }, (_, i) => ({
      id: `s${i}`,
      speaker: i % 2 ? 'Client' : 'Clinician',
      text:
        (SCRIPT[i % SCRIPT.length]?.[1] ?? '') + ' And then we talked about the week a bit more.',
    }));
    const soap = must(templates.find((t) => t.id === 'soap'));
    const started = performance.now();
    const first = extractiveSections(soap, long);
    expect(performance.now() - started).toBeLessThan(8000);
    expect(extractiveSections(soap, long)).toEqual(first);
  }, 30_000);
});

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

describe('what a risk assessment and a medication note record', () => {
  const kinds = (speaker: string, text: string) =>
    [...kindsOf({ index: 0, segmentId: 's0', speaker, text })].sort();

  it('finds a plan or intent denied and the client’s word on their safety, not the questions', () => {
    expect(kinds('Client', 'No, I have no plan, and I would never act on it.')).toContain('safety');
    expect(kinds('Client', 'I do not have any plan to hurt myself.')).toContain('safety');
    expect(kinds('Client', 'I feel safe at home with my sister.')).toContain('safety');
    expect(kinds('Clinician', 'Do you have any plan to act on that?')).not.toContain('safety');
    expect(kinds('Client', 'I plan to go to the gym on Friday.')).not.toContain('safety');
  });

  it('finds medication, its dose and its prescribing', () => {
    expect(kinds('Client', 'I started the sertraline, fifty milligrams every morning.')).toContain(
      'medication',
    );
    expect(kinds('Clinician', 'Your doctor prescribed 20 mg of fluoxetine.')).toContain(
      'medication',
    );
    expect(kinds('Client', 'I went for a walk with the dog after lunch.')).not.toContain(
      'medication',
    );
  });
});

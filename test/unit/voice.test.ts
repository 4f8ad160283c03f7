import { describe, expect, it } from 'vitest';
import type { NoteContent, NoteItem } from '../../shared/api/note-schemas';
import { changedHunks } from '../../electron/core/notes/voice/align-words';
import { applyReplacements, replaceTerms } from '../../electron/core/notes/voice/apply-voice';
import { profileInWords, voiceProfile } from '../../electron/core/notes/voice/profile';
import { closestExamples } from '../../electron/core/notes/voice/retrieval';
import { voiceGuide } from '../../electron/core/notes/voice/voice-guide';
import { voiceAsker, voicedDraft } from '../../electron/core/notes/voice/voice-in-draft';
import { wordEditDistance } from '../../electron/core/notes/voice/words';
import { clinicianRewrite } from '../fixtures/voice-clinician';

// Pairs written for this test (AI draft → the clinician's signed text): they check the rules.
const PAIRS = [
  {
    aiText: 'The patient stated she may be sleeping badly.\nThe patient feels tired at work.',
    finalText: 'Client reported she is sleeping badly.\nClient reports feeling tired at work.',
  },
  {
    aiText: 'The patient stated that the panic came at night.',
    finalText: 'Client reported that the panic came at night.',
  },
  {
    aiText: 'The patient possibly drinks more on weekends and feels ashamed.',
    finalText: 'Client drinks more on weekends and reports feeling ashamed.',
  },
];

const item = (text: string, origin: NoteItem['origin'] = 'ai'): NoteItem => ({
  text,
  segmentIds: ['seg-1'],
  quote: 'the patient said she felt stated',
  fields: {},
  supported: true,
  problems: [],
  origin,
});

describe('the clinician voice: profile', () => {
  it('aligns words: what the draft had at a place and what the clinician wrote there', () => {
    expect(changedHunks('The patient stated it', 'Client reported it')).toEqual([
      { removed: ['the', 'patient', 'stated'], added: ['client', 'reported'], next: 'it' },
    ]);
    expect(changedHunks('she feels tired', 'she reports feeling tired')).toEqual([
      { removed: ['feels'], added: ['reports', 'feeling'], next: 'tired' },
    ]);
    // A change never runs from one statement into the next.
    expect(changedHunks('a b\nthe c d', 'a\nc d')).toEqual([
      { removed: ['b'], added: [] },
      { removed: ['the'], added: [], next: 'c' },
    ]);
  });

  it('learns the changes seen in two or more examples, and only those', () => {
    const profile = voiceProfile(PAIRS);
    const terms = profile.replacements.map((r) => `${r.from}→${r.to}`);
    expect(terms).toContain('feels→reports feeling');
    // "stated" was rewritten together with "The patient" (one hunk), twice.
    expect(terms).toContain('the patient stated→client reported');
    expect(profile.replacements.every((r) => r.pairs >= 2)).toBe(true);
    // Words only taken out are learned with the word after them, never bare.
    expect(terms).toContain('the patient→client');
    expect(terms.some((t) => t.endsWith('→'))).toBe(false);
    // Seen once only: not a habit yet.
    expect(voiceProfile(PAIRS.slice(0, 1)).replacements).toEqual([]);
    expect(profile.dropsHedges).toBe(true);
    expect(profile.person).toBe('third');
    expect(profile.examples).toBe(3);
  });

  it('says the profile in words', () => {
    const words = profileInWords(voiceProfile(PAIRS));
    expect(words).toMatch(/^about \d+ words a statement, third person/);
    expect(words).toContain('"reports feeling" for "feels"');
    expect(words).toContain('take out hedges');
    expect(profileInWords(voiceProfile([]))).toMatch(/Nothing learned yet/);
  });
});

describe('the clinician voice: retrieval', () => {
  const examples = [
    { id: 'sleep', aiText: 'Client sleeps badly and wakes at night.', createdAt: 1 },
    { id: 'drink', aiText: 'Client drinks wine on weekends.', createdAt: 2 },
    { id: 'drink-new', aiText: 'Client drinks wine on weekends.', createdAt: 3 },
    { id: 'work', aiText: 'Presentation at work causes worry.', createdAt: 4 },
  ];

  it('ranks the examples by similarity to what the draft is about, newer first on a tie', () => {
    const ranked = closestExamples(examples, 'Wine on weekends, most weeks.', 3);
    // The two equal ones newest first; then, nothing in common with the rest, the newest.
    expect(ranked.map((e) => e.id)).toEqual(['drink-new', 'drink', 'work']);
    expect(closestExamples(examples, 'sleeps badly', 1).map((e) => e.id)).toEqual(['sleep']);
    expect(closestExamples(examples, 'anything', 0)).toEqual([]);
  });

  it('puts the closest examples of the section and the profile into the ask, within its size', () => {
    const guide = voiceGuide([
      ...PAIRS.map((p, i) => ({ ...p, sectionKey: 'subjective', createdAt: i })),
      { sectionKey: 'plan', aiText: 'Plan text.', finalText: 'Plan changed.', createdAt: 9 },
    ]);
    const ask = guide?.askFor('subjective', 'panic at night', 2000) ?? '';
    expect(ask).toContain('Draft: The patient stated that the panic came at night.');
    expect(ask).toContain('Signed: Client reported that the panic came at night.');
    expect(ask).not.toContain('Plan text');
    expect(ask).toMatch(/This clinician writes about \d+ words a statement/);
    expect(ask.indexOf('panic came')).toBeLessThan(ask.indexOf('sleeping badly'));
    const small = guide?.askFor('subjective', 'panic at night', 300) ?? '';
    expect(small.length).toBeLessThanOrEqual(300);
    expect(small).toContain('This clinician writes');
    expect(voiceGuide([])).toBeNull();
  });
});

describe('the clinician voice: statement length', () => {
  const example = (aiText: string, finalText: string, createdAt: number) => ({
    sectionKey: 'subjective',
    aiText,
    finalText,
    createdAt,
  });
  const long =
    'Client reported that the panic came at night and that she could not get back to sleep afterwards.';

  it('bounds statements to what the clinician signs when they shorten the drafts', () => {
    const guide = voiceGuide([
      example(long, 'Client reported panic at night.', 1),
      example(long, 'Client reported waking at night.', 2),
    ]);
    // The longest signed statement (32 characters) with a little room, never under 40.
    expect(guide?.statementChars('subjective')).toBe(40);
    expect(guide?.statementChars('plan')).toBeNull();
    // A statement the bound stopped ends at its last whole word, marked as cut.
    const cut = voicedDraft(
      [
        {
          key: 'subjective',
          title: 'Subjective',
          items: [item('Client reported panic at night and wakin')],
        },
      ],
      guide,
      voiceAsker(guide, [], 4096),
    );
    expect(cut.sections[0]?.items[0]?.text).toBe('Client reported panic at night and…');
  });

  it('leaves the length alone when the clinician does not shorten, or has one example', () => {
    expect(
      voiceGuide([
        example(long, long.replace('Client', 'She'), 1),
        example(long, long, 2),
      ])?.statementChars('subjective'),
    ).toBeNull();
    expect(
      voiceGuide([example(long, 'Client reported panic.', 1)])?.statementChars('subjective'),
    ).toBeNull();
  });
});

describe('the clinician voice: replacements', () => {
  const replacements = [
    { from: 'patient', to: 'client', pairs: 2 },
    { from: 'stated', to: 'reported', pairs: 2 },
    { from: 'client', to: 'person', pairs: 2 },
  ];

  it('replaces whole words only, keeps the case, and does not chain', () => {
    expect(replaceTerms('The patient stated; Patients outpatient PATIENT.', replacements)).toBe(
      'The client reported; Patients outpatient CLIENT.',
    );
  });

  it('rewords the AI statements only; quotes, citations and the floor stay', () => {
    const content: NoteContent = {
      templateId: 'soap',
      templateVersion: 1,
      sections: [
        {
          key: 'subjective',
          title: 'Subjective',
          items: [
            item('The patient stated she slept.'),
            item('The patient stated it.', 'extractive'),
          ],
        },
      ],
    };
    const { content: out, changed } = applyReplacements(content, replacements);
    expect(changed).toBe(1);
    const [ai, floor] = out.sections[0]?.items ?? [];
    expect(ai?.text).toBe('The client reported she slept.');
    expect(ai?.quote).toBe('the patient said she felt stated');
    expect(ai?.segmentIds).toEqual(['seg-1']);
    expect(floor?.text).toBe('The patient stated it.');
  });
});

describe('the clinician voice in a draft', () => {
  it('marks a statement copied from a shown example, rewords the rest, and says so', () => {
    const guide = voiceGuide(
      PAIRS.map((p, i) => ({ ...p, sectionKey: 'subjective', createdAt: i })),
    );
    const asker = voiceAsker(guide, [{ text: 'panic at night' }], 4096);
    expect(asker.ask('subjective')).toContain('Signed: ');
    expect(asker.ask('plan')).not.toContain('Signed: ');
    const section = {
      key: 'subjective',
      title: 'Subjective',
      items: [
        item('Client reported that the panic came at night.'),
        item('The patient stated she feels calmer after breathing.'),
      ],
    };
    const out = voicedDraft([section], guide, asker);
    const [copy, fresh] = out.sections[0]?.items ?? [];
    expect(copy?.supported).toBe(false);
    expect(copy?.problems.join(' ')).toMatch(/Repeats an example from an earlier signed note/);
    expect(fresh?.supported).toBe(true);
    expect(fresh?.text).toBe('Client reported she reports feeling calmer after breathing.');
    expect(out.metadata).toEqual({ examples: 3, sectionsWithExamples: 1, reworded: 1 });
    expect(out.warning).toMatch(/your usual wording into 1 statement/);
    expect(voicedDraft([section], null, voiceAsker(null, [], 4096))).toEqual({
      sections: [section],
    });
  });
});

describe('the bench measure and its simulated clinician', () => {
  it('measures word edit distance over the longer text', () => {
    expect(wordEditDistance('a b c d', 'a b c d.')).toBe(0);
    expect(wordEditDistance('a b c d', 'a x c')).toBe(0.5);
    expect(wordEditDistance('', '')).toBe(0);
  });

  it('rewrites in one fixed style', () => {
    expect(clinicianRewrite('The patient stated she may feel better.')).toBe(
      'Client reported she feel better.',
    );
    expect(clinicianRewrite('She feels tired')).toBe('Client reports feeling tired.');
  });
});

import { describe, expect, it } from 'vitest';
import { warmUpRiskScanner } from '../helpers/risk-warm-up';
import {
  RISK_CATEGORIES,
  scanRisk,
  scanUtterance,
  type RiskCategory,
  type RiskHit,
} from '../../electron/core/notes/risk/scan-risk';
import { RISK_UTTERANCE_GROUPS, RISK_UTTERANCES } from '../fixtures/risk/utterances';

const CATEGORIES: readonly RiskCategory[] = RISK_CATEGORIES;

function categoriesOf(text: string): RiskCategory[] {
  return scanUtterance(text)
    .map((hit) => hit.category)
    .sort();
}

function onlyHit(text: string): RiskHit {
  const hits = scanUtterance(text);
  expect(hits, text).toHaveLength(1);
  const [hit] = hits;
  if (hit === undefined) throw new Error(`no hit for: ${text}`);
  return hit;
}

warmUpRiskScanner();

describe('the labelled set', () => {
  it('is large and varied enough to mean something', () => {
    const groups = RISK_UTTERANCE_GROUPS;
    expect(RISK_UTTERANCES.length).toBeGreaterThanOrEqual(220);
    expect(groups.negation.length).toBeGreaterThanOrEqual(30);
    expect(groups.reported.length).toBeGreaterThanOrEqual(20);
    expect(groups.figurative.length).toBeGreaterThanOrEqual(25);
    expect(groups.questions.length).toBeGreaterThanOrEqual(15);
    expect(groups.neutral.length).toBeGreaterThanOrEqual(15);
    for (const category of CATEGORIES) {
      const positives = RISK_UTTERANCES.filter((u) => u.expected.includes(category)).length;
      const minimum = category.startsWith('suicidal_ideation') ? 20 : 15;
      expect(positives, category).toBeGreaterThanOrEqual(minimum);
    }
    const texts = RISK_UTTERANCES.map((u) => u.text);
    expect(new Set(texts).size).toBe(texts.length);
  });

  // The first pass compiles the lexicon's regular expressions (about 3 s on a busy 2-core machine).
  it('finds every expected category of every positive (recall 100 %)', () => {
    const missed = RISK_UTTERANCES.flatMap((u) => {
      const found = categoriesOf(u.text);
      return u.expected.filter((c) => !found.includes(c)).map((c) => `${c} <- ${u.text}`);
    });
    expect(missed).toEqual([]);
  }, 30_000);

  it('keeps precision over the whole set at 0.95 or better', () => {
    let truePositives = 0;
    let falsePositives = 0;
    for (const u of RISK_UTTERANCES) {
      for (const hit of scanUtterance(u.text)) {
        if (u.expected.includes(hit.category)) truePositives++;
        else falsePositives++;
      }
    }
    expect(truePositives).toBeGreaterThan(0);
    expect(truePositives / (truePositives + falsePositives)).toBeGreaterThanOrEqual(0.95);
  });

  it('quotes exactly the words of the text', () => {
    const misquoted = RISK_UTTERANCES.flatMap((u) =>
      scanUtterance(u.text)
        .filter((hit) => hit.quote.trim() === '' || !u.text.includes(hit.quote))
        .map((hit) => `${hit.quote} <- ${u.text}`),
    );
    expect(misquoted).toEqual([]);
  });

  it("returns someone else's risk with subject 'other'", () => {
    const hits = RISK_UTTERANCE_GROUPS.reported.flatMap((u) => scanUtterance(u.text));
    expect(hits.length).toBeGreaterThanOrEqual(RISK_UTTERANCE_GROUPS.reported.length);
    expect(hits.filter((hit) => hit.subject !== 'other')).toEqual([]);
  });
});

describe('negation', () => {
  it('scopes to the risk phrase it governs', () => {
    expect(categoriesOf('I would never kill myself.')).toEqual([]);
    expect(categoriesOf("I don't have any thoughts of hurting myself.")).toEqual([]);
    expect(categoriesOf("I'm not going to hurt him, I just needed to vent.")).toEqual([]);
    expect(categoriesOf("I never thought I'd say this, but I want to die.")).toEqual([
      'suicidal_ideation_passive',
    ]);
    expect(categoriesOf("I can't tell anyone that I want to die.")).toEqual([
      'suicidal_ideation_passive',
    ]);
  });

  it('denies one phrase without denying the next', () => {
    expect(
      categoriesOf("I'm not suicidal, but I do think everyone would be better off without me."),
    ).toEqual(['suicidal_ideation_passive']);
    expect(categoriesOf("I'm not okay, I want to die.")).toEqual(['suicidal_ideation_passive']);
  });

  it('reads "no," as an answer and a denial after the phrase as a denial', () => {
    expect(categoriesOf('No, I want to die.')).toEqual(['suicidal_ideation_passive']);
    expect(categoriesOf('Hurting myself? No, never.')).toEqual([]);
    expect(categoriesOf("Suicide isn't something I'd ever consider.")).toEqual([]);
  });
});

describe('reported speech', () => {
  it("flags a third party's risk as theirs, at medium severity", () => {
    expect(onlyHit('My sister cuts herself.')).toMatchObject({
      category: 'self_harm',
      subject: 'other',
      severity: 'medium',
    });
    expect(onlyHit('My friend said she wanted to die.')).toMatchObject({ subject: 'other' });
    expect(onlyHit("He texted me, 'I want to kill myself.'")).toMatchObject({
      category: 'suicidal_ideation_active',
      subject: 'other',
    });
  });

  it('keeps neglect of a child high: it is a safeguarding concern', () => {
    expect(onlyHit('My neighbour leaves her kids alone for days.')).toMatchObject({
      category: 'abuse_or_neglect',
      subject: 'other',
      severity: 'high',
    });
  });

  it("keeps the client's own disclosure about the client", () => {
    expect(onlyHit('I told my sister I wanted to die.').subject).toBe('self');
    expect(onlyHit('My sister cuts herself and last night I cut myself too.')).toMatchObject({
      subject: 'self',
      severity: 'high',
    });
    expect(onlyHit('He chokes me when he is drunk.')).toMatchObject({
      category: 'abuse_or_neglect',
      subject: 'self',
    });
  });
});

describe('figures of speech', () => {
  it('flags none of the everyday ones', () => {
    for (const text of [
      'This traffic is killing me.',
      'I could kill for a coffee.',
      "I'm dying to see that movie.",
      'That joke killed.',
      'My feet are killing me.',
      "I'd die of embarrassment.",
    ]) {
      expect(categoriesOf(text), text).toEqual([]);
    }
  });

  it('tells an idiom from the same words meant literally', () => {
    expect(categoriesOf('I could kill myself for forgetting her birthday.')).toEqual([]);
    expect(categoriesOf('I want to kill myself for what I did.')).toEqual([
      'suicidal_ideation_active',
    ]);
    expect(categoriesOf('I cut myself shaving this morning.')).toEqual([]);
    expect(categoriesOf('I cut myself on purpose.')).toEqual(['self_harm']);
    expect(categoriesOf("I'd rather die than sing karaoke.")).toEqual([]);
    expect(categoriesOf("Honestly, I'd rather die.")).toEqual(['suicidal_ideation_passive']);
    expect(categoriesOf('I overdosed on Netflix.')).toEqual([]);
    expect(categoriesOf('I overdosed on my meds.')).toEqual(['substance_crisis']);
  });
});

describe('questions', () => {
  it('flags nothing when the clinician asks, with or without a question mark', () => {
    expect(categoriesOf('Have you had any thoughts of suicide?')).toEqual([]);
    expect(categoriesOf('Do you ever think about hurting yourself?')).toEqual([]);
    expect(categoriesOf('Any thoughts of hurting anyone else?')).toEqual([]);
    expect(categoriesOf('have you ever tried to kill yourself')).toEqual([]);
  });

  it('flags the speaker’s own risk put as a question, or behind a tag', () => {
    expect(categoriesOf('Why do I keep wanting to die?')).toEqual(['suicidal_ideation_passive']);
    expect(categoriesOf("What's the point of living anymore?")).toEqual([
      'suicidal_ideation_passive',
    ]);
    expect(categoriesOf("It's like you just want to disappear, you know?")).toEqual([
      'suicidal_ideation_passive',
    ]);
  });

  it('flags a short yes to a screening question on the answering segment', () => {
    const hits = scanRisk([
      { id: 'c1', text: 'Have you had any thoughts of suicide?', speaker: null },
      { id: 'p1', text: 'Yeah, sometimes.' },
    ]);
    expect(hits).toEqual([
      {
        category: 'suicidal_ideation_active',
        segmentId: 'p1',
        quote: 'Yeah, sometimes',
        severity: 'high',
        temporal: 'current',
        subject: 'self',
      },
    ]);
  });

  it('flags no answer that is a no, follows no risk question, or comes too late', () => {
    const question = { id: 'c1', text: 'Do you ever think about hurting yourself?' };
    expect(scanRisk([question, { id: 'p1', text: 'No, never.' }])).toEqual([]);
    expect(scanRisk([question, { id: 'p1', text: 'Honestly, no.' }])).toEqual([]);
    expect(
      scanRisk([
        { id: 'c1', text: 'Did you sleep okay?' },
        { id: 'p1', text: 'Yes.' },
      ]),
    ).toEqual([]);
    const late = [question, { id: 'p1', text: 'I went to work.' }, { id: 'p2', text: 'Yes.' }];
    expect(scanRisk(late)).toEqual([]);
  });
});

describe('time', () => {
  it('still flags history, as past and medium', () => {
    expect(onlyHit('I tried to kill myself when I was 16.')).toMatchObject({
      category: 'suicidal_ideation_active',
      temporal: 'past',
      severity: 'medium',
    });
    expect(onlyHit('When I was 16, I tried to kill myself.').temporal).toBe('past');
    expect(onlyHit('My dad used to beat me when I was a kid.')).toMatchObject({
      category: 'abuse_or_neglect',
      temporal: 'past',
    });
  });

  it('keeps recent acts current and high', () => {
    expect(onlyHit('I cut myself again last night.')).toMatchObject({
      temporal: 'current',
      severity: 'high',
    });
    expect(onlyHit('I used to cut and last week I cut again.').temporal).toBe('current');
  });
});

describe('matching', () => {
  it('ignores case, curly apostrophes, extra spaces and fillers', () => {
    expect(categoriesOf('I WANT TO KILL MYSELF')).toEqual(['suicidal_ideation_active']);
    expect(onlyHit('I don’t want to be alive anymore.').quote).toBe('don’t want to be alive');
    expect(onlyHit('I wish I could   just  disappear.').quote).toBe(
      'wish I could   just  disappear',
    );
    expect(onlyHit('I keep thinking about, um, killing, like, my self.').quote).toBe(
      'killing, like, my self',
    );
  });

  it('scans segments in order and keeps their ids', () => {
    const hits = scanRisk([
      { id: 's1', text: 'How was your week?', speaker: 'clinician' },
      { id: 's2', text: 'Rough. I cut myself again on Sunday, and I burned myself too.' },
      { id: 's3', text: 'And I keep thinking everyone would be better off without me.' },
      { id: 's4', text: 'My feet are killing me though.' },
      { id: 's5', text: 'He hit me on Friday. I want to die.' },
    ]);
    expect(hits.map((hit) => [hit.segmentId, hit.category])).toEqual([
      ['s2', 'self_harm'],
      ['s3', 'suicidal_ideation_passive'],
      ['s5', 'abuse_or_neglect'],
      ['s5', 'suicidal_ideation_passive'],
    ]);
    expect(hits.find((hit) => hit.segmentId === 's2')?.quote).toBe('cut myself');
  });
});

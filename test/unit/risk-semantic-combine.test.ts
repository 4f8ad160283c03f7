import { describe, expect, it } from 'vitest';
import { warmUpRiskScanner } from '../helpers/risk-warm-up';
import { RISK_CATEGORIES, type RiskCategory } from '../../electron/core/notes/risk/risk-categories';
import { scanRisk } from '../../electron/core/notes/risk/scan-risk';
import {
  combineRisk,
  segmentSentences,
  sentenceKey,
} from '../../electron/core/notes/risk/semantic/semantic-risk';
import type {
  SentenceScore,
  Thresholds,
} from '../../electron/core/notes/risk/semantic/semantic-score';
import { confirmThresholds } from '../../electron/core/notes/risk/semantic/semantic-thresholds';

// Scores are given, not embedded: these tests pin how rules and meaning combine.
const THRESHOLDS = Object.fromEntries(
  RISK_CATEGORIES.map((c) => [c, { near: 0.6, margin: 0.05 }]),
) as unknown as Thresholds;
const BOTH = { hit: THRESHOLDS, confirm: confirmThresholds(THRESHOLDS) };

function score(near: Partial<Record<RiskCategory, number>>, contrast = 0.3): SentenceScore {
  const risk = Object.fromEntries(RISK_CATEGORIES.map((c) => [c, near[c] ?? 0.1]));
  return { risk: risk as Record<RiskCategory, number>, contrast };
}

function run(texts: string[], scores: (text: string) => SentenceScore) {
  const segments = texts.map((text, i) => ({ id: `s${i}`, text }));
  const refs = segmentSentences(segments);
  const map = new Map(
    refs.map((ref) => [sentenceKey(ref.segment.id, ref.sentence), scores(ref.sentence.text)]),
  );
  return combineRisk(refs, scanRisk(segments), map, BOTH);
}

warmUpRiskScanner();

describe('rules and meaning together', () => {
  it('keeps a rule hit about the speaker whatever the meaning says', () => {
    const hits = run(['I have been cutting myself again.'], () => score({}));
    expect(hits.map((h) => h.category)).toEqual(['self_harm']);
  });

  it('drops a bare mention of suicide or advice to the listener unless the meaning confirms risk', () => {
    const texts = ['Suicide is never the answer.', 'Killing yourself will not fix this.'];
    expect(run(texts, () => score({ suicidal_ideation_active: 0.4 }, 0.5))).toEqual([]);
    const confirmed = run(texts, () => score({ suicidal_ideation_active: 0.7 }, 0.3));
    expect(confirmed.map((h) => h.segmentId).sort()).toEqual(['s0', 's1']);
  });

  it('keeps a bare risk word the speaker owns, with no denial before it, whatever the meaning says', () => {
    const owned = [
      'I feel extremely suicidal pretty much all the time.',
      'Back then I was contemplating suicide.',
      'Honestly my suicidal thoughts came back this week.',
      'Been suicidal myself at times.',
    ];
    const hits = run(owned, () => score({}));
    expect(hits.map((h) => h.segmentId).sort()).toEqual(['s0', 's1', 's2', 's3']);
    const notOwned = [
      'I know suicide is never the answer for you.',
      'I have never considered suicide.',
      'I told him suicide would hurt his kids.',
    ];
    const self = run(notOwned, () => score({})).filter((h) => h.subject === 'self');
    expect(self).toEqual([]);
  });

  it('adds what only the meaning hears, quoting the whole sentence as transcribed', () => {
    const text = 'Honestly everyone would cope fine if I just was not around anymore.';
    const hits = run([`We talked about work. ${text}`], (sentence) =>
      sentence === text ? score({ suicidal_ideation_passive: 0.72 }) : score({}),
    );
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ category: 'suicidal_ideation_passive', quote: text });
  });

  it('never lets the meaning alone flag a question or comfort put to the listener', () => {
    const texts = [
      'Do you ever feel like everyone would be better without you around?',
      'You matter and people would miss you so much.',
    ];
    expect(run(texts, () => score({ suicidal_ideation_passive: 0.9 }))).toEqual([]);
  });

  it('leaves a sentence with a denial to the rules, and harm to others, abuse and substances too', () => {
    const denials = ["No, I've never cut myself.", "I don't drink anymore, so no more blackouts."];
    // (A negation inside a wish is not a denial: see 'adds what only the meaning hears'.)
    expect(run(denials, () => score({ self_harm: 0.9, substance_crisis: 0.9 }))).toEqual([]);
    const uncalibrated = ["I'm going to beat him at tennis this time.", 'He hit me up last week.'];
    const hits = run(uncalibrated, () => score({ harm_to_others: 0.9, abuse_or_neglect: 0.9 }));
    expect(hits).toEqual([]);
  });

  it('needs the margin over the contrast bank, not only nearness', () => {
    const hits = run(['I could kill for a coffee, honestly I am so done with today.'], () =>
      score({ suicidal_ideation_active: 0.65 }, 0.64),
    );
    expect(hits).toEqual([]);
  });
});

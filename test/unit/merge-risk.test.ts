import { describe, expect, it } from 'vitest';
import { warmUpRiskScanner } from '../helpers/risk-warm-up';
import { mergeRisk, type ModelConcern } from '../../electron/core/notes/risk/merge-risk';
import { hasRiskCue } from '../../electron/core/notes/risk/risk-cues';
import { BASE_SEVERITY } from '../../electron/core/notes/risk/risk-lexicon';
import type { RiskHit } from '../../electron/core/notes/risk/scan-risk';
import { turns } from '../fixtures/sessions/script';

function hit(overrides: Partial<RiskHit> = {}): RiskHit {
  return {
    category: 'self_harm',
    segmentId: 'seg-1',
    quote: 'I cut myself',
    severity: 'high',
    temporal: 'current',
    subject: 'self',
    ...overrides,
  };
}

function concern(overrides: Partial<ModelConcern> = {}): ModelConcern {
  return { category: 'self_harm', segmentIds: ['seg-1'], quote: 'I cut myself', ...overrides };
}

// The rules' large patterns compile on the first scan: paid once here, not by one test's limit.
warmUpRiskScanner();

describe('mergeRisk', () => {
  it('keeps every scanner hit when the model reports nothing', () => {
    const scanner = [
      hit(),
      hit({
        category: 'suicidal_ideation_passive',
        segmentId: 'seg-4',
        quote: 'I wish I could just disappear',
        severity: 'medium',
        temporal: 'past',
        subject: 'other',
      }),
    ];
    expect(mergeRisk(scanner, [])).toEqual([
      {
        category: 'self_harm',
        segmentIds: ['seg-1'],
        quotes: ['I cut myself'],
        sources: ['scanner'],
        severity: 'high',
        temporal: 'current',
        subject: 'self',
      },
      {
        category: 'suicidal_ideation_passive',
        segmentIds: ['seg-4'],
        quotes: ['I wish I could just disappear'],
        sources: ['scanner'],
        severity: 'medium',
        temporal: 'past',
        subject: 'other',
      },
    ]);
  });

  it('keeps a scanner hit when the model reports something else entirely', () => {
    const findings = mergeRisk(
      [hit()],
      [concern({ category: 'substance_crisis', segmentIds: ['seg-9'], quote: 'I drank a lot' })],
    );
    expect(findings).toHaveLength(2);
    const scannerFinding = findings.find((f) => f.category === 'self_harm');
    expect(scannerFinding).toMatchObject({
      segmentIds: ['seg-1'],
      quotes: ['I cut myself'],
      sources: ['scanner'],
      severity: 'high',
    });
  });

  it('keeps a scanner hit when the model names the same category on another segment', () => {
    const findings = mergeRisk([hit()], [concern({ segmentIds: ['seg-2'], quote: 'the cuts' })]);
    expect(findings.map((f) => [f.segmentIds, f.sources])).toEqual([
      [['seg-1'], ['scanner']],
      [['seg-2'], ['model']],
    ]);
  });

  it('merges the model’s concern in the same category and segment into one finding with both sources', () => {
    const findings = mergeRisk(
      [hit({ severity: 'medium', temporal: 'past', subject: 'other' })],
      [concern({ quote: 'cut myself' })],
    );
    expect(findings).toEqual([
      {
        category: 'self_harm',
        segmentIds: ['seg-1'],
        quotes: ['I cut myself'],
        sources: ['scanner', 'model'],
        // The scanner's grading stands: the model does not grade risk.
        severity: 'medium',
        temporal: 'past',
        subject: 'other',
      },
    ]);
  });

  it('matches the model’s concern on any of its cited segments, not only the first', () => {
    const findings = mergeRisk(
      [hit({ segmentId: 'seg-3' })],
      [concern({ segmentIds: ['seg-2', 'seg-3'] })],
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.sources).toEqual(['scanner', 'model']);
    expect(findings[0]?.segmentIds).toEqual(['seg-3']);
  });

  it('keeps a model-only concern with the category’s base severity and unknown temporal and subject', () => {
    const findings = mergeRisk(
      [],
      [
        concern({
          category: 'suicidal_ideation_passive',
          segmentIds: ['seg-5', 'seg-6'],
          quote: '  what is the point of going on  ',
        }),
        concern({ category: 'harm_to_others', segmentIds: ['seg-7'], quote: 'I could hurt him' }),
      ],
    );
    expect(BASE_SEVERITY.suicidal_ideation_passive).toBe('medium');
    expect(BASE_SEVERITY.harm_to_others).toBe('high');
    expect(findings).toEqual([
      {
        category: 'suicidal_ideation_passive',
        segmentIds: ['seg-5', 'seg-6'],
        quotes: ['what is the point of going on'],
        sources: ['model'],
        severity: BASE_SEVERITY.suicidal_ideation_passive,
        temporal: 'unknown',
        subject: 'unknown',
      },
      {
        category: 'harm_to_others',
        segmentIds: ['seg-7'],
        quotes: ['I could hurt him'],
        sources: ['model'],
        severity: BASE_SEVERITY.harm_to_others,
        temporal: 'unknown',
        subject: 'unknown',
      },
    ]);
  });

  it('makes two scanner hits in the same category and segment one finding with both quotes', () => {
    const findings = mergeRisk(
      [hit({ quote: 'I cut myself' }), hit({ quote: 'burned my arm' })],
      [],
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      category: 'self_harm',
      segmentIds: ['seg-1'],
      quotes: ['I cut myself', 'burned my arm'],
      sources: ['scanner'],
    });
  });

  it('does not repeat a quote two scanner hits share', () => {
    const findings = mergeRisk([hit(), hit()], []);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.quotes).toEqual(['I cut myself']);
  });

  it('keeps different categories on the same segment separate', () => {
    const findings = mergeRisk(
      [
        hit({ category: 'suicidal_ideation_active', quote: 'I want to kill myself' }),
        hit({ category: 'intent_or_plan', quote: 'I have the pills saved up' }),
      ],
      [concern({ category: 'intent_or_plan', quote: 'pills saved up' })],
    );
    expect(findings.map((f) => [f.category, f.segmentIds, f.quotes, f.sources])).toEqual([
      ['suicidal_ideation_active', ['seg-1'], ['I want to kill myself'], ['scanner']],
      ['intent_or_plan', ['seg-1'], ['I have the pills saved up'], ['scanner', 'model']],
    ]);
  });
});

describe('a concern only the model reports', () => {
  it('is dropped when what it quotes holds no word of risk (a weak model’s list)', () => {
    const findings = mergeRisk(
      [],
      [
        concern({ category: 'substance_crisis', quote: 'How did the breathing exercise go?' }),
        concern({ category: 'self_harm', segmentIds: ['seg-2'], quote: 'Honestly, not great.' }),
        concern({ category: 'substance_crisis', segmentIds: ['seg-3'], quote: 'I drank a lot' }),
      ],
    );
    expect(findings.map((f) => [f.category, f.segmentIds, f.sources])).toEqual([
      ['substance_crisis', ['seg-3'], ['model']],
    ]);
  });

  it('still marks a scanner finding it agrees with, whatever it quotes', () => {
    const findings = mergeRisk([hit()], [concern({ quote: 'that moment' })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.sources).toEqual(['scanner', 'model']);
  });
});

describe('hasRiskCue', () => {
  it('finds the words risk statements need, in any case and with curly apostrophes', () => {
    for (const text of [
      'I have thought about ending it',
      'He HIT me again last week',
      'I’ve been drinking every night',
      'sometimes I just want to disappear',
      'I keep the razor in my drawer',
      'I made myself throw up after dinner',
    ])
      expect(hasRiskCue(text), text).toBe(true);
  });

  it('finds none in the ordinary talk of the generated test sessions', () => {
    const script = turns(2, 3);
    for (let i = 0; i < 400; i += 1) {
      const text = (script.next().value as { text: string }).text;
      expect(hasRiskCue(text), text).toBe(false);
    }
  });
});

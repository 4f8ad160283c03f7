import { describe, expect, it } from 'vitest';
import { loadFrameworks } from '../../electron/core/frameworks/library';
import { allowedText, checkIsolation } from '../../electron/core/workflows/couples/isolation';
import { buildJointSummary } from '../../electron/core/workflows/couples/joint-summary';
import { matchPartners } from '../../electron/core/workflows/couples/match';

const library = loadFrameworks();
const allowed = allowedText(library);
const partnerA = [
  'Marisol Quintero',
  'Client said her partner Desmond supports the new bedtime routine.',
  'She felt "like a ghost at my own party".',
];
const partnerB = [
  'Tobias Lindqvist',
  'Client described poor sleep since the restructuring at Brackenridge Logistics.',
];

const abstract = (clientId: string, themes: string[], frameworks: string[] = []) => ({
  clientId,
  sessionsRead: 2,
  themes,
  frameworks,
});

describe('couples match', () => {
  it('keeps only what both partners raised, in vocabulary order, holding back risk', () => {
    const match = matchPartners(
      abstract('a', ['sleep', 'suicidal_ideation', 'relationship', 'grief'], ['mindfulness']),
      abstract(
        'b',
        ['relationship', 'anger', 'sleep', 'suicidal_ideation'],
        ['mindfulness', 'dbt'],
      ),
    );
    expect(match.sharedThemes).toEqual(['sleep', 'relationship']);
    expect(match.sharedFrameworks).toEqual(['mindfulness']);
    expect(match.heldBack).toBe(1);
  });
});

describe('the isolation check', () => {
  const summary = buildJointSummary(
    { sharedThemes: ['sleep', 'relationship'], sharedFrameworks: ['gottman'], heldBack: 0 },
    library,
  );

  it('passes a joint summary made of vocabulary, library text and Cairn’s phrases', () => {
    expect(summary.frameworks[0]).toMatchObject({ id: 'gottman' });
    const result = checkIsolation(summary, [partnerA, partnerB], allowed);
    expect(result).toMatchObject({
      passed: true,
      notAllowed: 0,
      identifiers: 0,
      partnerPhrases: 0,
    });
    expect(result.checked).toBeGreaterThan(20);
  });

  it('fails on a planted phrase of a partner’s notes, and says how much, never what', () => {
    const leaked = {
      ...summary,
      notes: [...summary.notes, 'Partner supports the new bedtime routine.'],
    };
    const result = checkIsolation(leaked, [partnerA, partnerB], allowed);
    expect(result).toMatchObject({ passed: false, notAllowed: 1 });
    expect(result.partnerPhrases).toBeGreaterThan(0);
    expect(JSON.stringify(result)).not.toContain('bedtime');
  });

  it('fails on a planted name even inside a label, by the de-identifier and the name list', () => {
    const leaked = {
      ...summary,
      sharedTopics: [{ id: 'sleep', label: 'sleep difficulties (Brackenridge)' }],
    };
    const result = checkIsolation(leaked, [partnerA, partnerB], allowed);
    expect(result.passed).toBe(false);
    expect(result.partnerPhrases).toBe(1);
    const named = checkIsolation(
      { ...summary, title: 'Joint work summary for Desmond' },
      [partnerA, partnerB],
      allowed,
    );
    expect(named).toMatchObject({ passed: false, notAllowed: 1 });
    expect(named.identifiers + named.partnerPhrases).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { matchVocabulary } from '../../electron/core/sync/abstract/match-vocabulary';
import { FRAMEWORKS, THEMES } from '../../electron/core/sync/abstract/vocabulary';
import { nextAttemptDelayMs } from '../../electron/core/sync/outbox/run-outbox';

/** Themes and frameworks come from a closed vocabulary: ids and labels, never the note's words. */
describe('the abstract vocabulary', () => {
  it('finds a framework applied to a theme in one sentence, and reports it by label', () => {
    const found = matchVocabulary([
      'Assessment: we used cognitive restructuring to challenge her worries about her job.',
      'Plan: breathing exercises before bed.',
    ]);
    expect(found.frameworks.map((f) => f.id)).toEqual(['cognitive_restructuring', 'relaxation']);
    // The compound theme replaces its part ("anxiety") rather than listing both.
    expect(found.themes.map((t) => t.id)).toEqual(['work_anxiety']);
    expect(found.focus).toEqual(['cognitive restructuring for work-related anxiety']);
  });

  it('leaves out what the note rules out', () => {
    const found = matchVocabulary([
      'Denies suicidal ideation. No panic attacks this week. Not drinking.',
    ]);
    expect(found.themes).toEqual([]);
    expect(matchVocabulary(['Reports passive suicidal ideation.']).themes.map((t) => t.id)).toEqual(
      ['suicidal_ideation'],
    );
  });

  it('only ever returns vocabulary labels, whatever the note says', () => {
    const note = 'Maria Lopez from Tacoma practised mindfulness for her grief after Daniel died.';
    const found = matchVocabulary([note]);
    const labels = new Set([...FRAMEWORKS, ...THEMES].map((t) => t.label));
    for (const term of [...found.frameworks, ...found.themes])
      expect(labels.has(term.label)).toBe(true);
    expect(found.focus).toEqual(['mindfulness for grief and loss']);
    expect(JSON.stringify(found)).not.toMatch(/Maria|Lopez|Tacoma|Daniel/);
  });

  it('backs off between passes: 30 s, doubling, at most an hour', () => {
    expect([1, 2, 3, 20].map(nextAttemptDelayMs)).toEqual([30_000, 60_000, 120_000, 3_600_000]);
  });
});

import { describe, expect, it } from 'vitest';
import type { NoteContent, NoteItem } from '../../shared/api/note-schemas';
import { SCENARIOS, scenarioTurns } from '../fixtures/sessions/scenarios';
import { scoreNote, totals } from '../bench/note-score';

function item(text: string, segmentIds: string[], supported = true): NoteItem {
  return { text, segmentIds, quote: '', fields: {}, supported, problems: [], origin: 'ai' };
}

const content = (items: NoteItem[]): NoteContent => ({
  templateId: 'soap',
  templateVersion: 1,
  sections: [{ key: 'plan', title: 'Plan', items }],
});

describe('the notes-quality score (bench)', () => {
  const scenario = SCENARIOS[0];
  if (!scenario) throw new Error('no scenarios');
  const segments = new Map([
    ['seg-1', 'For homework, keep a thought record every evening.'],
    ['seg-2', 'Let us meet again next Tuesday at four.'],
  ]);

  it('counts a fact only when one statement matches all its patterns, and checks citations', () => {
    const score = scoreNote(
      content([
        item('Homework: a thought record each evening.', ['seg-1']),
        item('Next session Tuesday.', ['seg-2'], false),
        item('Anxiety was discussed.', []),
        item('Rated seven.', ['seg-9']),
      ]),
      scenario.facts,
      segments,
    );
    expect(score.carried).toEqual(['homework', 'next']);
    // "Anxiety" and "seven" in two statements do not make the rating fact.
    expect(score.missed).toContain('rating');
    expect(score).toMatchObject({ statements: 4, verified: 1, citesNothingReal: 3 });
    const all = totals([score]);
    expect(all.factRecall).toBeCloseTo(2 / scenario.facts.length);
    expect(all.verifiedShare).toBe(0.25);
  });

  it('measures how much of a statement its cited segments hold', () => {
    const faithful = scoreNote(content([item('keep thought record', ['seg-1'])]), [], segments);
    const invented = scoreNote(
      content([item('client cured, discharged', ['seg-1'])]),
      [],
      segments,
    );
    expect(faithful.support).toBe(1);
    expect(invented.support).toBe(0);
  });
});

describe('the scripted sessions', () => {
  for (const scenario of SCENARIOS)
    it(`${scenario.name}: its beats carry every fact, its filler none, at 3 and 60 minutes`, () => {
      const beatLines = scenario.beats.flatMap((beat) => beat.lines.map(([, text]) => text));
      for (const fact of scenario.facts)
        expect(
          beatLines.some((line) => fact.patterns.every((p) => p.test(line))),
          fact.id,
        ).toBe(true);
      for (const minutes of [3, 60]) {
        const turns = scenarioTurns(scenario, minutes * 60, 1);
        const filler = turns.filter((turn) => !beatLines.includes(turn.text));
        for (const turn of filler)
          for (const fact of scenario.facts)
            expect(
              fact.patterns.some((p) => p.test(turn.text)),
              turn.text,
            ).toBe(false);
        const words = turns.reduce((total, turn) => total + turn.text.split(' ').length, 0);
        // About 150 words a minute, as speech.
        expect(words / minutes).toBeGreaterThan(120);
        expect(words / minutes).toBeLessThan(180);
      }
    });
});

import { describe, expect, it } from 'vitest';
import {
  countSyllables,
  fleschKincaidGrade,
  readability,
} from '../../electron/core/workflows/readability';

describe('syllable counter', () => {
  it('counts everyday and clinical words as a dictionary would', () => {
    const known: Record<string, number> = {
      cat: 1,
      the: 1,
      make: 1,
      makes: 1,
      liked: 1,
      tried: 1,
      sleep: 1,
      table: 2,
      handled: 2,
      wanted: 2,
      needed: 2,
      boxes: 2,
      changes: 2,
      being: 2,
      client: 2,
      science: 2,
      homework: 2,
      lonely: 2,
      safety: 2,
      statement: 2,
      anxious: 2,
      people: 2,
      beautiful: 3,
      created: 3,
      exposure: 3,
      therapy: 3,
      diary: 3,
      radio: 3,
      actual: 3,
      curious: 3,
      idea: 3,
      ideas: 3,
      questionnaire: 3,
      anxiety: 4,
      behavioural: 4,
      relationship: 4,
      activity: 4,
      situation: 4,
      psychological: 5,
      communication: 5,
    };
    const counted = Object.fromEntries(Object.keys(known).map((w) => [w, countSyllables(w)]));
    expect(counted).toEqual(known);
  });

  it('ignores case and punctuation, and never counts a word as none', () => {
    expect(countSyllables('Therapy,')).toBe(3);
    expect(countSyllables("don't")).toBe(1);
    expect(countSyllables('hmm')).toBe(1);
    expect(countSyllables('')).toBe(0);
  });
});

describe('Flesch–Kincaid readability', () => {
  it('matches the published grade of the platypus sentence (11.3: 13 words, 24 syllables)', () => {
    // The worked example in the Flesch–Kincaid article on Wikipedia.
    const result = readability(
      'The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.',
    );
    expect(result.words).toBe(13);
    expect(result.sentences).toBe(1);
    expect(Math.abs(result.syllables - 24)).toBeLessThanOrEqual(1);
    expect(Math.abs((result.fleschKincaidGrade ?? NaN) - 11.3)).toBeLessThanOrEqual(1);
  });

  it('reaches the published floor for one-word, one-syllable sentences (grade −3.4, ease 121.22)', () => {
    const result = readability('Stop. Breathe. Sit. Wait.');
    expect(result.sentences).toBe(4);
    expect(result.fleschKincaidGrade).toBeCloseTo(-3.4, 2);
    expect(result.fleschReadingEase).toBeCloseTo(121.22, 2);
  });

  it('works the formula through by hand for a short sentence (6 words, 6 syllables → −1.45)', () => {
    expect(fleschKincaidGrade('The cat sat on the mat.')).toBeCloseTo(-1.45, 2);
  });

  it('scores a simple children’s passage low and a dense academic sentence high', () => {
    const children = 'The dog ran to the park. It saw a big red ball. It was fun to play.';
    const academic =
      'The epistemological ramifications of interdisciplinary methodologies necessitate a ' +
      'comprehensive reconceptualisation of institutional evaluation paradigms.';
    expect(fleschKincaidGrade(children)).toBeLessThan(2);
    expect(fleschKincaidGrade(academic)).toBeGreaterThan(16);
  });

  it('scores plain homework instructions at a level most clients read easily', () => {
    const guide =
      'When your mood drops, write down what happened and what went through your mind. ' +
      'Rate how much you believed it from 0 to 100. Bring your notes next week.';
    const grade = fleschKincaidGrade(guide) ?? NaN;
    expect(grade).toBeGreaterThan(0);
    expect(grade).toBeLessThan(6);
  });

  it('takes each line of a list as a sentence, and does not end one at e.g. or a decimal', () => {
    const result = readability(
      'Things to try this week:\n- Walk for 10 minutes\n- Call a friend, e.g. Sam\n- Sleep 7.5 hours',
    );
    expect(result.sentences).toBe(4);
    // "7.5" is one word; "e.g." is one word.
    expect(result.words).toBe(17);
  });

  it('counts a hyphenated word once, with the syllables of both parts', () => {
    const result = readability('Self-care matters.');
    expect(result.words).toBe(2);
    expect(result.syllables).toBe(4);
  });

  it('gives no score for a text without words', () => {
    expect(readability('')).toEqual({
      sentences: 0,
      words: 0,
      syllables: 0,
      fleschKincaidGrade: null,
      fleschReadingEase: null,
    });
    expect(fleschKincaidGrade(' … — ')).toBeNull();
  });
});

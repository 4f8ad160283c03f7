import { describe, expect, it } from 'vitest';
import { warmUpRiskScanner } from '../helpers/risk-warm-up';
import { editDistance, normalizeAsrText } from '../../electron/core/notes/risk/asr-variants';
import { pauseBreaks } from '../../electron/core/notes/risk/pause-breaks';
import { splitSentences } from '../../electron/core/notes/risk/risk-text';
import { scanUtterance } from '../../electron/core/notes/risk/scan-risk';

const categories = (text: string) => scanUtterance(text).map((hit) => hit.category);

warmUpRiskScanner();

describe('speech-recognition near misses', () => {
  it('reads a near miss of a harm verb before a reflexive as the verb, quoting what was transcribed', () => {
    const [hit] = scanUtterance("i've been birding myself again");
    expect(hit?.category).toBe('self_harm');
    expect(hit?.quote).toBe('birding myself');
  });

  it('reads split and run-together spellings of key terms whole', () => {
    expect(categories('i thought about sue aside last week')).toContain('suicidal_ideation_active');
    expect(categories('some days i want to kill my elf')).toContain('suicidal_ideation_active');
    expect(categories('i started self arming again')).toContain('self_harm');
  });

  it('leaves real reflexive verbs alone', () => {
    for (const text of [
      "I'm kidding myself that it's fine",
      'putting myself out there at work',
      'willing myself to get out of bed',
      'getting myself to the gym',
      'filling myself up with snacks',
    ]) {
      expect(normalizeAsrText(text).text, text).toBe(text);
      expect(categories(text), text).toEqual([]);
    }
  });

  it('maps every offset back to the transcribed text', () => {
    const text = 'so i was herding myself and then sue aside came up';
    const read = normalizeAsrText(text);
    expect(read.text).toBe('so i was hurting myself and then suicide came up');
    const start = read.text.indexOf('hurting');
    expect(text.slice(read.toOriginal(start, 'start'), read.toOriginal(start + 7, 'end'))).toBe(
      'herding',
    );
    const s = read.text.indexOf('suicide');
    expect(text.slice(read.toOriginal(s, 'start'), read.toOriginal(s + 7, 'end'))).toBe(
      'sue aside',
    );
    expect(read.toOriginal(read.text.length, 'end')).toBe(text.length);
  });

  it('counts a transposition as one edit', () => {
    expect(editDistance('hurting', 'hutring')).toBe(1);
    expect(editDistance('kill', 'kill')).toBe(0);
    expect(editDistance('cut', 'hurting', 2)).toBeGreaterThan(2);
  });

  it('flags passive ideation in lower-case, unpunctuated speech and keeps the denial of a plan apart', () => {
    const hits = scanUtterance(
      'i keep thinking everybody would be better off if i wasnt here but i dont have a plan or anything',
    );
    expect(hits.map((h) => h.category)).toEqual(['suicidal_ideation_passive']);
  });
});

describe('sentence ends guessed from pauses', () => {
  const text = 'no i dont have a plan i would never do anything it just gets so heavy at night';
  // Timings as a recogniser gives them: a long pause after "plan" and after "anything".
  const words = text.split(' ').map((word, i) => {
    const start = i * 0.3 + (i > 5 ? 0.9 : 0) + (i > 10 ? 1.1 : 0);
    return { word: ` ${word}`, start, end: start + 0.25 };
  });

  it('ends a sentence where the speaker paused and nothing was written', () => {
    const breaks = pauseBreaks(text, words);
    expect(breaks.map((at) => text.slice(at, at + 6))).toEqual(['i woul', 'it jus']);
    expect(splitSentences(text, breaks).map((s) => s.text)).toEqual([
      'no i dont have a plan',
      'i would never do anything',
      'it just gets so heavy at night',
    ]);
  });

  it('adds no break where punctuation already ends the sentence, nor for a word the text lost', () => {
    const punctuated = 'I was tired. Then I slept.';
    const timed = [
      { word: 'I', start: 0, end: 0.1 },
      { word: 'was', start: 0.2, end: 0.4 },
      { word: 'tired.', start: 0.5, end: 0.8 },
      { word: 'Then', start: 2.0, end: 2.2 },
      { word: 'I', start: 2.3, end: 2.4 },
      { word: 'dozed', start: 4.0, end: 4.3 },
    ];
    expect(pauseBreaks(punctuated, timed)).toEqual([]);
  });
});

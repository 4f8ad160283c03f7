import { countSyllables } from './syllables';

export { countSyllables };

/**
 * How hard a text is to read, for what Cairn writes for clients (the preparation guide): it should
 * read at about a 6th-grade level. Flesch–Kincaid grade level (Kincaid et al., 1975) and Flesch
 * reading ease (Flesch, 1948), from counts of sentences, words and syllables. Both are estimates
 * meant for whole passages; a single sentence's score is rough.
 */
export interface Readability {
  sentences: number;
  words: number;
  syllables: number;
  /** US school grade: 6 means an 11–12-year-old reader. Null when the text has no words. */
  fleschKincaidGrade: number | null;
  /** 0–100, higher is easier (above 100 for very simple text). Null when the text has no words. */
  fleschReadingEase: number | null;
}

export function readability(text: string): Readability {
  const sentences = splitSentences(text)
    .map(sentenceWords)
    .filter((words) => words.length > 0);
  const words = sentences.flat();
  const syllables = words.reduce((sum, word) => sum + wordSyllables(word), 0);
  if (words.length === 0)
    return {
      sentences: 0,
      words: 0,
      syllables: 0,
      fleschKincaidGrade: null,
      fleschReadingEase: null,
    };
  const wordsPerSentence = words.length / sentences.length;
  const syllablesPerWord = syllables / words.length;
  return {
    sentences: sentences.length,
    words: words.length,
    syllables,
    fleschKincaidGrade: 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59,
    fleschReadingEase: 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord,
  };
}

/** The Flesch–Kincaid grade level alone; null when the text has no words. */
export function fleschKincaidGrade(text: string): number | null {
  return readability(text).fleschKincaidGrade;
}

/**
 * Abbreviations whose full stop does not end a sentence. A guide for clients should not need
 * many; these are the ones clinicians write.
 */
const ABBREVIATIONS = /\b(?:e\.g|i\.e|vs|approx|dr|mr|mrs|ms|prof)\./gi;

/**
 * Sentences end at . ! ? (with any closing quotes or brackets) before a space or the end, and at
 * a line break: each bullet of a list reads as a sentence of its own, as readers take it.
 */
function splitSentences(text: string): string[] {
  return text
    .replace(ABBREVIATIONS, (abbreviation) => abbreviation.slice(0, -1))
    .split(/(?<=[.!?…]+["'”’)\]]*)\s+|\n+/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/**
 * Words are runs of letters and digits joined by apostrophes, hyphens or full stops: "self-care",
 * "don't", "e.g." and "7.5" are one word each, as word processors count them.
 */
function sentenceWords(sentence: string): string[] {
  return sentence.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * Syllables of one word: each part of a hyphenated word counted on its own; a number counts one
 * syllable per digit, a rough figure ("7" is one, "2024" is five spoken), as prose has few.
 */
function wordSyllables(word: string): number {
  return word.split('-').reduce((sum, part) => {
    const letters = /\p{L}/u.test(part);
    return sum + (letters ? countSyllables(part) : (part.match(/\p{N}/gu) ?? []).length);
  }, 0);
}

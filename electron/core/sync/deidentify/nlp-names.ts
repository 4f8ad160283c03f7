import nlp from 'compromise';
import type { Finding, IdentifierCategory } from './categories';
import {
  AMBIGUOUS_GIVEN_NAMES,
  COUNTRIES,
  inList,
  STATE_ABBREVIATION_WORDS,
  US_STATES,
} from './lexicon';
import { isCommonCapitalised } from './name-patterns';
import { endWithoutPossessive, finding, startsSentence } from './text-spans';

/**
 * People and places as tagged by compromise, a small rule-and-lexicon NLP library that runs in
 * process with no model download or network: it knows thousands of given names, surnames and
 * cities, which the context patterns cannot. Only capitalised words are taken (its guesses on
 * lower-case words are mostly wrong for names), states and countries are dropped (Safe Harbor
 * keeps them), and a sentence-initial word that is also a common word ("Joy feels…") is ignored.
 */

interface TaggedTerm {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}

function isTaggedTerm(value: unknown): value is TaggedTerm {
  if (typeof value !== 'object' || value === null) return false;
  const term = value as Partial<Record<keyof TaggedTerm, unknown>>;
  const offset = term.offset as Partial<Record<'start' | 'length', unknown>> | undefined;
  return (
    typeof term.text === 'string' &&
    Array.isArray(term.tags) &&
    typeof offset?.start === 'number' &&
    typeof offset.length === 'number'
  );
}

function taggedTerms(text: string): TaggedTerm[] {
  const sentences: unknown = nlp(text).json({ offset: true, terms: { offset: true } });
  if (!Array.isArray(sentences)) return [];
  return sentences.flatMap((sentence: unknown) => {
    const terms = (sentence as { terms?: unknown }).terms;
    return Array.isArray(terms) ? terms.filter(isTaggedTerm) : [];
  });
}

function categoryOf(term: TaggedTerm, word: string): IdentifierCategory | undefined {
  if (term.tags.includes('Person')) return 'NAME';
  const isPlace = term.tags.includes('Place') || term.tags.includes('City');
  if (!isPlace || term.tags.includes('Country') || term.tags.includes('Region')) return undefined;
  // Context can override the lexicon ("ran into Kevin" tags Kevin a place): a word the lexicon
  // knows as a given name on its own is a person.
  return nlp(word).has('#FirstName') ? 'NAME' : 'LOCATION';
}

export function findNlpNamesAndPlaces(text: string): Finding[] {
  const found: Finding[] = [];
  let current: { category: IdentifierCategory; start: number; end: number } | undefined;
  const flush = () => {
    if (current) found.push(finding(text, current.category, current.start, current.end));
    current = undefined;
  };
  for (const term of taggedTerms(text)) {
    // The term's offset includes its punctuation; the word itself is its first run of letters.
    const word = /[\p{L}][\p{L}'’.-]*/u.exec(
      text.slice(term.offset.start, term.offset.start + term.offset.length),
    );
    const category = word ? categoryOf(term, word[0]) : undefined;
    if (!category || !word) {
      flush();
      continue;
    }
    const start = term.offset.start + word.index;
    const end = endWithoutPossessive(text, start, start + word[0].replace(/[.]$/, '').length);
    const value = text.slice(start, end);
    const usable =
      /^\p{Lu}/u.test(value) &&
      !isCommonCapitalised(value) &&
      !inList(US_STATES, value) &&
      !(/^[A-Z]{2}$/.test(value) && inList(STATE_ABBREVIATION_WORDS, value)) &&
      !inList(COUNTRIES, value) &&
      !(startsSentence(text, start) && inList(AMBIGUOUS_GIVEN_NAMES, value));
    if (!usable) {
      flush();
      continue;
    }
    // Consecutive words of the same kind are one name: "Jessica Nguyen", "Cedar Rapids".
    // A surname the lexicon knows as a place follows a given name: "Kevin Marsh", "Jessica Hill".
    const followsName = current?.category === 'NAME' && category === 'LOCATION';
    const adjacent =
      (current?.category === category || followsName) &&
      /^ $/.test(text.slice(current?.end ?? 0, start));
    if (current && adjacent) current.end = end;
    else {
      flush();
      current = { category, start, end };
    }
  }
  flush();
  return found;
}

import {
  RISK_CATEGORIES,
  type RiskCategory,
  type RiskHit,
  type RiskSegment,
} from './risk-categories';
import {
  AFFIRMATIVE_ANSWER,
  BASE_SEVERITY,
  CURRENT_MARKERS,
  ELLIPTICAL_QUESTION,
  FIGURES_OF_SPEECH,
  FILLER,
  FIRST_PERSON,
  FIRST_PERSON_SUBJECTS,
  INTERROGATIVE_OPENER,
  NEGATION_BRIDGES,
  NEGATION_CUES,
  PARTS,
  PAST_MARKERS,
  POST_NEGATION,
  PSEUDO_NEGATIONS,
  REPORTED_SPEECH_CUE,
  RISK_RULES,
  SECOND_PERSON,
  TAG_QUESTION,
  THIRD_PERSON,
  type FigureOfSpeech,
  type RiskRule,
} from './risk-lexicon';
import { normalizeAsrText, type NormalizedText } from './asr-variants';
import { splitSentences, straighten, wordsOf, type Sentence } from './risk-text';

/**
 * A deterministic risk scanner over transcript segments. It runs on every session, whatever the
 * note model does, and is tuned never to miss: when in doubt it flags.
 *
 * - Negation scopes to the risk phrase: a cue counts only when nothing but bridge words stands
 *   between it and the phrase ("I don't have any thoughts of hurting myself").
 * - Questions put to the listener ("Have you had thoughts of suicide?") flag nothing, but a short
 *   "yes" as the next sentence flags the question's categories on the answering segment.
 * - Someone else's risk ("my sister cuts herself") is still returned, with `subject: 'other'`
 *   and severity 'medium'; abuse or neglect of someone else stays 'high' (safeguarding).
 * - History ("when I was 16") is returned with `temporal: 'past'` and severity 'medium'.
 */

export { RISK_CATEGORIES, type RiskCategory, type RiskHit, type RiskSegment };

export type Person = 'first' | 'second' | 'third' | 'unknown';
type Subject = RiskHit['subject'];
type Severity = RiskHit['severity'];
type Temporal = RiskHit['temporal'];

interface SentenceReading {
  hits: RiskHit[];
  /** What a question put to the listener asked about, to judge the answer by. */
  questionTopics: RiskCategory[];
}

// --- Compiling the lexicon -------------------------------------------------------------------

const SEP_CHARS = String.raw`[\s,.…—–-]`;
const FILLER_WORDS = FILLER.replace(/ /g, String.raw`\s+`);
const SEP = `(?:(?:${SEP_CHARS}+${FILLER_WORDS}(?![\\w'])){0,3}${SEP_CHARS}+)`;

function expandParts(source: string): string {
  let expanded = source;
  for (let depth = 0; depth < 5; depth++) {
    expanded = expanded.replace(/\{([A-Z][A-Z0-9_]*)\}/g, (_, name: string) => {
      const part = PARTS[name];
      if (part === undefined) throw new Error(`risk lexicon: unknown part {${name}}`);
      return part;
    });
  }
  return expanded;
}

function phraseRegex(source: string, flags = 'gi'): RegExp {
  const body = expandParts(source).replace(/ /g, () => SEP);
  return new RegExp(`(?<![\\w'])(?:${body})(?![\\w'])`, flags);
}

interface CompiledRule {
  category: RiskCategory;
  rule: RiskRule;
  regex: RegExp;
  requires: RegExp | null;
}

const RULES: readonly CompiledRule[] = Object.entries(RISK_RULES).flatMap(([category, rules]) =>
  rules.map((entry) => {
    const rule = typeof entry === 'string' ? { pattern: entry } : entry;
    const requires = rule.requires === undefined ? null : phraseRegex(rule.requires, 'i');
    return { category: category as RiskCategory, rule, regex: phraseRegex(rule.pattern), requires };
  }),
);

const FIGURES: readonly { figure: FigureOfSpeech; regex: RegExp }[] = FIGURES_OF_SPEECH.map(
  (figure) => ({ figure, regex: phraseRegex(figure.pattern) }),
);

const NEGATED_ENDING = new RegExp(
  `(?<![\\w'])${NEGATION_CUES}(?:${SEP_CHARS}+${NEGATION_BRIDGES}(?![\\w']))*${SEP_CHARS}*$`,
  'i',
);
const PSEUDO_NEGATION = phraseRegex(PSEUDO_NEGATIONS);
const DENIAL_AFTER = new RegExp(POST_NEGATION, 'i');
const REPORTED_SPEECH = phraseRegex(REPORTED_SPEECH_CUE);
const PAST = phraseRegex(PAST_MARKERS);
const CURRENT = phraseRegex(CURRENT_MARKERS);
const OPENER = new RegExp(INTERROGATIVE_OPENER, 'i');
const ELLIPTICAL = new RegExp(ELLIPTICAL_QUESTION, 'i');
const TAG = new RegExp(TAG_QUESTION, 'i');
const AFFIRMATIVE = new RegExp(AFFIRMATIVE_ANSWER, 'i');
const THIRD = new RegExp(`^${expandParts(THIRD_PERSON)}$`, 'i');
const FIRST = new Set(FIRST_PERSON);
const FIRST_SUBJECT = new Set(FIRST_PERSON_SUBJECTS);
const SECOND = new Set(SECOND_PERSON);

// --- Judging one match -----------------------------------------------------------------------

function isFigurative(text: string, start: number, end: number, category: RiskCategory): boolean {
  return FIGURES.some(({ figure, regex }) => {
    if (figure.categories !== undefined && !figure.categories.includes(category)) return false;
    if (figure.scope === 'sentence') return text.search(regex) >= 0;
    return [...text.matchAll(regex)].some((m) => m.index < end && start < m.index + m[0].length);
  });
}

function isNegated(text: string, start: number, end: number): boolean {
  const before = text.slice(0, start).replace(PSEUDO_NEGATION, (m) => 'x'.repeat(m.length));
  return NEGATED_ENDING.test(before) || DENIAL_AFTER.test(text.slice(end));
}

/** The owner of "myself" or "my life" inside the phrase. */
function reflexiveOwner(matched: string): Person | null {
  if (/\b(?:my\s*self|our\s*selves)\b/i.test(matched)) return 'first';
  if (/\byour\s*sel(?:f|ves)\b/i.test(matched)) return 'second';
  if (/\b(?:him|her|them|one)\s*sel(?:f|ves)\b/i.test(matched)) return 'third';
  const owner = /\b(my|our|your|his|her|their)\s+(?:own\s+)?life\b/i.exec(matched)?.[1];
  if (owner === undefined) return null;
  if (/^(?:my|our)$/i.test(owner)) return 'first';
  return /^your$/i.test(owner) ? 'second' : 'third';
}

/** "She texted me, 'I want to die'" or "she was like, I'm done": the words are someone else's. */
export function isReportedSpeech(text: string, start: number): boolean {
  const before = text.slice(0, start);
  const cues = [...before.matchAll(REPORTED_SPEECH)];
  const last = cues.at(-1);
  if (last === undefined) return false;
  const between = before.slice(last.index + last[0].length);
  const opened = /^[\s,:]*(?:that\s+)?["']/.exec(between);
  if (opened !== null) return !/"|'(?![a-z])/i.test(between.slice(opened[0].length));
  // Unquoted, "she said I..." may be about the client; "she said, I..." and "she was like I..." quote.
  const quotative = /(?:like|goes|went)$/i.test(last[0]) ? '[\\s,:]*' : '\\s*[,:]\\s*';
  const directFirstPerson = new RegExp(
    `^${quotative}(?:i|i'm|im|i've|i'd|i'll)(?![\\w'])`,
    'i',
  ).test(between);
  return directFirstPerson && !/\b(?:and|but|so|because|cause)\b/i.test(between);
}

function personOfWord(word: string): Person | null {
  if (FIRST.has(word)) return 'first';
  if (SECOND.has(word)) return 'second';
  return THIRD.test(word.replace(/'s$/, '')) ? 'third' : null;
}

function personNamedIn(words: readonly string[], allowThird: boolean): Person | null {
  for (const word of words) {
    const person = personOfWord(word);
    if (person !== null && (allowThird || person !== 'third')) return person;
  }
  return null;
}

/**
 * Whose risk a phrase describes: a quoted speaker's; else the rule's own answer; else, for
 * self-directed risk, the owner of "myself"/"my life", a person inside the phrase or the nearest
 * subject before it. Harm to others looks at the speaker side only (the victim is inside the
 * phrase); abuse at the victim, named last.
 */
function personOf(
  category: RiskCategory,
  rule: RiskRule,
  text: string,
  start: number,
  end: number,
): Person {
  if (isReportedSpeech(text, start)) return 'third';
  if (rule.subject !== undefined) return rule.subject === 'self' ? 'first' : 'third';
  const matched = text.slice(start, end);
  const owner = category === 'harm_to_others' ? null : reflexiveOwner(matched);
  if (owner !== null) return owner;
  // Inside the phrase a possessive names no one: in "took all my mom's pills" the taker is me.
  const inside = wordsOf(matched).filter((word) => !/^(?!(?:he|she)'s$)[a-z]+'s$/.test(word));
  const named =
    category === 'abuse_or_neglect'
      ? personNamedIn([...inside].reverse(), true)
      : (personNamedIn(inside, false) ??
        (category === 'harm_to_others' ? null : personNamedIn(inside, true)));
  return named ?? personNamedIn(wordsOf(text.slice(0, start)).reverse(), true) ?? 'unknown';
}

/** The time marker nearest the phrase decides; with none, the risk is current. */
export function temporalOf(text: string, start: number, end: number): Temporal {
  let best: { distance: number; temporal: Temporal } | null = null;
  for (const regex of [CURRENT, PAST]) {
    const temporal = regex === PAST ? 'past' : 'current';
    for (const m of text.matchAll(regex)) {
      const mEnd = m.index + m[0].length;
      const distance = m.index >= end ? m.index - end : mEnd <= start ? start - mEnd : 0;
      if (best === null || distance < best.distance) best = { distance, temporal };
    }
  }
  return best?.temporal ?? 'current';
}

// --- Questions and answers -------------------------------------------------------------------

export function isQuestionForm(text: string): boolean {
  const core = text.replace(TAG, '');
  if (core !== text) return OPENER.test(core);
  return text.endsWith('?') || (OPENER.test(text) && !/[.!]$/.test(text));
}

/** "Kill myself?" repeated back before an answer asks; it does not tell. */
function isEcho(words: readonly string[]): boolean {
  return words.length <= 4 && !words.some((word) => FIRST_SUBJECT.has(word));
}

/** A question asks rather than tells, unless the speaker puts their own risk in it. */
function isAskedNotTold(text: string, person: Person): boolean {
  if (!isQuestionForm(text)) return false;
  const words = wordsOf(text);
  if (isEcho(words)) return true;
  if (person === 'first') return false;
  const addressed = words.some((word) => SECOND.has(word)) || ELLIPTICAL.test(text);
  return person !== 'unknown' || addressed;
}

function isAffirmativeAnswer(text: string): boolean {
  const words = wordsOf(text);
  if (words.length > 12 || !AFFIRMATIVE.test(text)) return false;
  return !words.slice(0, 3).some((word) => /^(?:no|nope|nah|not|never)$|n't$/.test(word));
}

// --- Scanning --------------------------------------------------------------------------------

function severityOf(category: RiskCategory, subject: Subject, temporal: Temporal): Severity {
  if (BASE_SEVERITY[category] === 'medium' || temporal === 'past') return 'medium';
  return subject === 'self' || category === 'abuse_or_neglect' ? 'high' : 'medium';
}

export function hitOf(
  category: RiskCategory,
  segment: RiskSegment,
  quote: string,
  person: Person,
  temporal: Temporal,
): RiskHit {
  const subject = person === 'third' ? 'other' : 'self';
  const severity = severityOf(category, subject, temporal);
  return { category, segmentId: segment.id, quote, severity, temporal, subject };
}

/** Offsets in the text the rules read (ASR near misses normalised) back to the segment's. */
type ToOriginal = NormalizedText['toOriginal'];

function readSentence(
  segment: RiskSegment,
  rules: readonly CompiledRule[],
  sentence: Sentence,
  toOriginal: ToOriginal,
): SentenceReading {
  const reading: SentenceReading = { hits: [], questionTopics: [] };
  const { text } = sentence;
  for (const { category, rule, regex } of rules) {
    for (const m of text.matchAll(regex)) {
      const start = m.index;
      const end = start + m[0].length;
      if (isFigurative(text, start, end, category) || isNegated(text, start, end)) continue;
      const person = personOf(category, rule, text, start, end);
      if (isAskedNotTold(text, person)) {
        reading.questionTopics.push(category);
        continue;
      }
      const quote = segment.text.slice(
        toOriginal(sentence.start + start, 'start'),
        toOriginal(sentence.start + end, 'end'),
      );
      reading.hits.push(hitOf(category, segment, quote, person, temporalOf(text, start, end)));
    }
  }
  return reading;
}

/** A "yes" to a screening question carries the question's categories. */
function answerHits(
  topics: readonly RiskCategory[],
  segment: RiskSegment,
  sentence: Sentence,
  toOriginal: ToOriginal,
): RiskHit[] {
  const quote = segment.text
    .slice(toOriginal(sentence.start, 'start'), toOriginal(sentence.end, 'end'))
    .replace(/[\s.!?…]+$/, '');
  const temporal = temporalOf(sentence.text, 0, sentence.text.length);
  return [...new Set(topics)].map((category) => hitOf(category, segment, quote, 'first', temporal));
}

/** One hit per category per segment: the one most about the client, then the most severe. */
export function strongestPerCategory(hits: readonly RiskHit[]): RiskHit[] {
  const rank = (hit: RiskHit) =>
    (hit.subject === 'self' ? 2 : 0) + (hit.severity === 'high' ? 1 : 0);
  const kept = new Map<string, RiskHit>();
  for (const hit of hits) {
    const key = `${hit.segmentId}\u0000${hit.category}`;
    const current = kept.get(key);
    if (current === undefined || rank(hit) > rank(current)) kept.set(key, hit);
  }
  return [...kept.values()];
}

export function scanRisk(segments: readonly RiskSegment[]): RiskHit[] {
  const hits: RiskHit[] = [];
  let openQuestion: readonly RiskCategory[] = [];
  for (const segment of segments) {
    const read = normalizeAsrText(straighten(segment.text));
    const rules = RULES.filter((r) => r.requires === null || r.requires.test(read.text));
    for (const sentence of splitSentences(read.text)) {
      const reading = readSentence(segment, rules, sentence, read.toOriginal);
      hits.push(...reading.hits);
      if (openQuestion.length > 0 && isAffirmativeAnswer(sentence.text)) {
        hits.push(...answerHits(openQuestion, segment, sentence, read.toOriginal));
      }
      openQuestion = reading.questionTopics;
    }
  }
  return strongestPerCategory(hits);
}

/** Scans one utterance on its own, as a segment with id ''. */
export function scanUtterance(text: string): RiskHit[] {
  return scanRisk([{ id: '', text }]);
}

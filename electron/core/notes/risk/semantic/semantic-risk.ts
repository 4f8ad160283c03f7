import type { RiskCategory, RiskHit, RiskSegment } from '../risk-categories';
import { splitSentences, straighten, wordsOf, type Sentence } from '../risk-text';
import { FIRST_PERSON } from '../risk-lexicon';
import { speakerOwns } from './speaker-owns';
import {
  hitOf,
  isQuestionForm,
  isReportedSpeech,
  strongestPerCategory,
  temporalOf,
} from '../scan-risk';
import {
  addressesListenerOnly,
  categoriesPassing,
  type SentenceScore,
  type Thresholds,
} from './semantic-score';

/**
 * The rules and the meaning, together. The rules know negation, reported speech, figures of speech
 * and questions, and quote the exact words; the meaning layer hears risk in words no rule names.
 *
 * - A rule hit stands on its own when its sentence speaks of the speaker. Two kinds do not: words
 *   to the listener ("killing yourself won't fix this") and a bare mention of suicide the speaker
 *   does not own ("suicide is never the answer"; speaker-owns.ts). Those stand only when the
 *   sentence's meaning confirms risk (the `confirm` thresholds, calibrated with the others).
 * - A sentence whose meaning passes a category's thresholds, and that the rules did not flag for
 *   it, becomes a hit quoting the whole sentence: only in the categories the public data
 *   calibrates, and never for a question put to the listener, words to the listener, or a
 *   sentence with a denial in it (the rules read negation; an embedding does not).
 */

export interface SentenceRef {
  segment: RiskSegment;
  sentence: Sentence;
}

export function sentenceKey(segmentId: string, sentence: Sentence): string {
  return `${segmentId}\u0000${sentence.start}`;
}

/** Every sentence of every segment, in order: the units the meaning layer embeds. */
export function segmentSentences(segments: readonly RiskSegment[]): SentenceRef[] {
  return segments.flatMap((segment) =>
    splitSentences(straighten(segment.text), segment.breaks).map((sentence) => ({
      segment,
      sentence,
    })),
  );
}

const FIRST = new Set(FIRST_PERSON);
/** A risk word on its own, naming no act: "suicide", "suicidal", "self-harm". */
const BARE_NOMINAL = /^(?:suicid(?:e|es|al|ality)|self[- ]?harm(?:ing)?|selfharm(?:ing)?)$/i;
/** The listener's own life or self as the object: "(I don't want you to) kill yourself". */
const LISTENER_OBJECT = /\byour ?sel(?:f|ves)\b|\byour (?:own )?life\b/i;

function namesTheSpeaker(text: string): boolean {
  return wordsOf(text).some((word) => FIRST.has(word));
}

/** A rule hit that needs the meaning's confirmation (see above). */
function needsConfirmation(hit: RiskHit, sentence: Sentence, segmentText: string): boolean {
  if (hit.subject === 'other') return false;
  if (LISTENER_OBJECT.test(hit.quote) || addressesListenerOnly(sentence.text)) return true;
  if (!BARE_NOMINAL.test(hit.quote.trim())) return false;
  const at = segmentText.indexOf(hit.quote, sentence.start) - sentence.start;
  return at < 0 || !speakerOwns(sentence, at, at + hit.quote.length);
}

function sentenceOfHit(hit: RiskHit, refs: readonly SentenceRef[]): SentenceRef | undefined {
  const inSegment = refs.filter((ref) => ref.segment.id === hit.segmentId);
  const at = inSegment[0]?.segment.text.indexOf(hit.quote) ?? -1;
  return inSegment.find((ref) => ref.sentence.start <= at && at < ref.sentence.end) ?? inSegment[0];
}

/**
 * The categories the meaning alone may raise: the ones its thresholds were calibrated for on
 * public data (the C-SSRS users speak of suicide and self-harm). Harm to others, abuse and
 * substance crises have no such data here, so the rules alone raise them.
 */
export const MEANING_CATEGORIES: readonly RiskCategory[] = [
  'suicidal_ideation_passive',
  'suicidal_ideation_active',
  'intent_or_plan',
  'self_harm',
];

/**
 * A denial anywhere in the sentence. An embedding hears "I've never cut myself" as near "I cut
 * myself"; the rules read negation, so a sentence with one is left to them.
 */
const DENIAL_WORD =
  /\b(?:not|never|no|nor|cannot|neither|[a-z]+n't|dont|didnt|doesnt|isnt|wasnt|havent|hasnt|wont|cant|wouldnt)\b/i;

/**
 * A negation inside a wish or a condition is no denial: it is how passive ideation is said ("if I
 * was not around", "I wish I didn't exist", "I hope I don't wake up").
 */
const WISHED_ABSENCE =
  /\b(?:if|wish|hope|hoping|wishing|maybe|rather) i(?:'m|m|'d)? (?:[a-z']+ ){0,3}?(?:not|never|wasn't|weren't|didn't|don't|wouldn't|couldn't|wasnt|didnt|dont)\b/gi;

/**
 * May a sentence's meaning alone raise a flag? Not a question to the listener, nor words to them,
 * nor a sentence that denies something.
 */
export function eligibleForMeaning(text: string): boolean {
  const plain = straighten(text).replace(WISHED_ABSENCE, ' ');
  if (addressesListenerOnly(text) || DENIAL_WORD.test(plain)) return false;
  return !(isQuestionForm(text) && !namesTheSpeaker(text));
}

export function combineRisk(
  refs: readonly SentenceRef[],
  ruleHits: readonly RiskHit[],
  scores: ReadonlyMap<string, SentenceScore>,
  thresholds: { hit: Thresholds; confirm: Thresholds },
): RiskHit[] {
  const kept = ruleHits.filter((hit) => {
    const ref = sentenceOfHit(hit, refs);
    if (ref === undefined || !needsConfirmation(hit, ref.sentence, ref.segment.text)) return true;
    const score = scores.get(sentenceKey(ref.segment.id, ref.sentence));
    return score !== undefined && categoriesPassing(score, thresholds.confirm).length > 0;
  });
  const flagged = new Set(kept.map((hit) => `${hit.segmentId}\u0000${hit.category}`));
  const added: RiskHit[] = [];
  for (const { segment, sentence } of refs) {
    const score = scores.get(sentenceKey(segment.id, sentence));
    if (score === undefined || !eligibleForMeaning(sentence.text)) continue;
    for (const category of categoriesPassing(score, thresholds.hit)) {
      if (!MEANING_CATEGORIES.includes(category)) continue;
      if (flagged.has(`${segment.id}\u0000${category}`)) continue;
      added.push(meaningHit(category, segment, sentence));
    }
  }
  return strongestPerCategory([...kept, ...added]);
}

function meaningHit(category: RiskCategory, segment: RiskSegment, sentence: Sentence): RiskHit {
  const quote = segment.text.slice(sentence.start, sentence.end);
  const person = isReportedSpeech(sentence.text, sentence.text.length) ? 'third' : 'first';
  return hitOf(
    category,
    segment,
    quote,
    person,
    temporalOf(sentence.text, 0, sentence.text.length),
  );
}

import type { RiskCategory, RiskHit, RiskSegment } from '../risk-categories';
import { splitSentences, straighten, wordsOf, type Sentence } from '../risk-text';
import { FIRST_PERSON } from '../risk-lexicon';
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
 * - A rule hit stands on its own when its sentence speaks of the speaker. Two kinds do not: a
 *   sentence addressed to the listener only ("killing yourself won't fix this") and a bare mention
 *   of suicide with no one in it ("suicide is never the answer"). Those stand only when the
 *   sentence's meaning confirms risk (the `confirm` thresholds, looser than a hit's own).
 * - A sentence whose meaning passes a category's thresholds, and that the rules did not flag for
 *   it, becomes a hit quoting the whole sentence, unless it is a question put to the listener or
 *   addressed to the listener only.
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
    splitSentences(straighten(segment.text)).map((sentence) => ({ segment, sentence })),
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
function needsConfirmation(hit: RiskHit, sentence: Sentence): boolean {
  if (hit.subject === 'other') return false;
  if (LISTENER_OBJECT.test(hit.quote) || addressesListenerOnly(sentence.text)) return true;
  return BARE_NOMINAL.test(hit.quote.trim());
}

function sentenceOfHit(hit: RiskHit, refs: readonly SentenceRef[]): SentenceRef | undefined {
  const inSegment = refs.filter((ref) => ref.segment.id === hit.segmentId);
  const at = inSegment[0]?.segment.text.indexOf(hit.quote) ?? -1;
  return inSegment.find((ref) => ref.sentence.start <= at && at < ref.sentence.end) ?? inSegment[0];
}

/** May a sentence's meaning alone raise a flag? Not a question to the listener, nor advice to them. */
export function eligibleForMeaning(text: string): boolean {
  if (addressesListenerOnly(text)) return false;
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
    if (ref === undefined || !needsConfirmation(hit, ref.sentence)) return true;
    const score = scores.get(sentenceKey(ref.segment.id, ref.sentence));
    return score !== undefined && categoriesPassing(score, thresholds.confirm).length > 0;
  });
  const flagged = new Set(kept.map((hit) => `${hit.segmentId}\u0000${hit.category}`));
  const added: RiskHit[] = [];
  for (const { segment, sentence } of refs) {
    const score = scores.get(sentenceKey(segment.id, sentence));
    if (score === undefined || !eligibleForMeaning(sentence.text)) continue;
    for (const category of categoriesPassing(score, thresholds.hit)) {
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

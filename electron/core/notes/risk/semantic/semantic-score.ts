import { RISK_CATEGORIES, type RiskCategory } from '../risk-categories';
import { FIRST_PERSON, SECOND_PERSON } from '../risk-lexicon';

/**
 * How near an utterance's meaning is to each category's risk statements, and to what only sounds
 * like risk (risk-bank.ts). Pure arithmetic on unit vectors, so calibration can run on cached
 * embeddings and the app on fresh ones alike.
 */

/** The bank's vectors, embedded once per process by the encoder. */
export interface EmbeddedBanks {
  risk: Readonly<Record<RiskCategory, readonly Float32Array[]>>;
  contrast: readonly Float32Array[];
}

export interface SentenceScore {
  /** Per category: the mean cosine of the TOP_K nearest risk statements. */
  risk: Record<RiskCategory, number>;
  /** The same against the contrast bank. */
  contrast: number;
}

/** Per category: how near the risk bank, and by how much nearer than the contrast bank. */
export type Thresholds = Readonly<Record<RiskCategory, { near: number; margin: number }>>;

/** Two neighbours, not one: a single bank sentence that happens to share words decides less. */
const TOP_K = 2;

export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

function nearest(vector: Float32Array, bank: readonly Float32Array[]): number {
  const top: number[] = [];
  for (const item of bank) {
    const similarity = dot(vector, item);
    if (top.length < TOP_K) top.push(similarity);
    else {
      const lowest = Math.min(...top);
      if (similarity > lowest) top[top.indexOf(lowest)] = similarity;
    }
  }
  return top.length === 0 ? 0 : top.reduce((a, b) => a + b, 0) / top.length;
}

export function scoreSentence(vector: Float32Array, banks: EmbeddedBanks): SentenceScore {
  const risk = Object.fromEntries(
    RISK_CATEGORIES.map((category) => [category, nearest(vector, banks.risk[category])]),
  ) as Record<RiskCategory, number>;
  return { risk, contrast: nearest(vector, banks.contrast) };
}

const FIRST = new Set(FIRST_PERSON);
const SECOND = new Set(SECOND_PERSON);

/**
 * Whose words these are about: a sentence that names the listener ("you") and never the speaker
 * speaks to someone else — comfort, advice, a question — not of the speaker's own risk.
 */
export function addressesListenerOnly(text: string): boolean {
  const words = text.toLowerCase().match(/[a-z]+(?:'[a-z]+)*/g) ?? [];
  return words.some((word) => SECOND.has(word)) && !words.some((word) => FIRST.has(word));
}

/** The categories a sentence's score passes. */
export function categoriesPassing(score: SentenceScore, thresholds: Thresholds): RiskCategory[] {
  return RISK_CATEGORIES.filter((category) => {
    const { near, margin } = thresholds[category];
    const value = score.risk[category];
    return value >= near && value - score.contrast >= margin;
  });
}

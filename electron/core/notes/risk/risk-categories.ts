/**
 * What the risk scanner reports, shared by the scanner, its lexicon, the merge with the model's
 * concerns and the notes' schemas.
 */

export const RISK_CATEGORIES = [
  'suicidal_ideation_passive',
  'suicidal_ideation_active',
  'intent_or_plan',
  'self_harm',
  'harm_to_others',
  'abuse_or_neglect',
  'substance_crisis',
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export interface RiskSegment {
  id: string;
  text: string;
  speaker?: string | null;
  /** Offsets in `text` where the speaker paused with no punctuation: guessed sentence ends. */
  breaks?: readonly number[];
}

export interface RiskHit {
  category: RiskCategory;
  segmentId: string;
  /** the words that matched, exactly as in the text */
  quote: string;
  severity: 'high' | 'medium';
  temporal: 'current' | 'past';
  subject: 'self' | 'other';
}

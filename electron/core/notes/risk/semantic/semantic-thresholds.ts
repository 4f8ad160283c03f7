import type { Thresholds } from './semantic-score';

/**
 * A rule hit that needs the meaning's confirmation (addressed to the listener, or a bare mention of
 * suicide) gets it from a looser bar than a hit of the meaning's own: the rules already heard risk
 * words, the meaning only has to say the sentence is not comfort, advice or talk in general.
 */
export function confirmThresholds(hit: Thresholds): Thresholds {
  return Object.fromEntries(
    Object.entries(hit).map(([category, t]) => [
      category,
      { near: t.near - 0.1, margin: t.margin - 0.05 },
    ]),
  ) as unknown as Thresholds;
}

/**
 * The thresholds the app runs with: chosen on all 500 public C-SSRS users by `npm run bench -- risk`
 * (its split and cross-validated figures estimate how they do on people not in that set).
 * PLACEHOLDER until that calibration has run: a high bar, so the meaning layer adds little.
 */
export const SHIPPED_THRESHOLDS: Thresholds = {
  suicidal_ideation_passive: { near: 0.8, margin: 0.1 },
  suicidal_ideation_active: { near: 0.8, margin: 0.1 },
  intent_or_plan: { near: 0.8, margin: 0.1 },
  self_harm: { near: 0.8, margin: 0.1 },
  harm_to_others: { near: 0.8, margin: 0.1 },
  abuse_or_neglect: { near: 0.8, margin: 0.1 },
  substance_crisis: { near: 0.8, margin: 0.1 },
};

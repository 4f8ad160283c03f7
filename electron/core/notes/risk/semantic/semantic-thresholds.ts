import type { Thresholds } from './semantic-score';

/**
 * A rule hit that needs the meaning's confirmation (addressed to the listener, or a bare mention of
 * suicide) gets it from a looser bar than a hit of the meaning's own: the rules already heard risk
 * words, the meaning only has to say the sentence is not comfort, advice or talk in general.
 */
export function confirmThresholds(hit: Thresholds, looser = 0.1): Thresholds {
  return Object.fromEntries(
    Object.entries(hit).map(([category, t]) => [
      category,
      { near: t.near - looser, margin: t.margin - looser / 2 },
    ]),
  ) as unknown as Thresholds;
}

/** What the meaning layer runs with: its own hits' bar, and the bar a weak rule hit must clear. */
export interface RiskCalibration {
  hit: Thresholds;
  confirm: Thresholds;
}

export function calibration(hit: Thresholds, looser: number): RiskCalibration {
  return { hit, confirm: confirmThresholds(hit, looser) };
}

/**
 * What the app runs with: chosen on all 500 public C-SSRS users by `npm run bench -- risk` (its
 * split and cross-validated figures estimate how they do on people not in that set).
 */
export const SHIPPED_CALIBRATION: RiskCalibration = calibration(
  {
    suicidal_ideation_passive: { near: 0.759, margin: 0.04 },
    suicidal_ideation_active: { near: 0.784, margin: 0.04 },
    intent_or_plan: { near: 0.746, margin: 0.04 },
    self_harm: { near: 0.75, margin: 0.04 },
    harm_to_others: { near: 0.72, margin: 0.04 },
    abuse_or_neglect: { near: 0.694, margin: 0.04 },
    substance_crisis: { near: 0.71, margin: 0.04 },
  },
  0,
);

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

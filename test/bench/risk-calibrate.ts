/**
 * Calibrating the semantic layer's thresholds on the public C-SSRS users (data nobody here wrote),
 * with protocols that estimate unseen data:
 *
 * - a fixed split: thresholds chosen on half the users of each label (seeded), reported on the
 *   other half, which the choice never sees;
 * - 5-fold cross-validation over all users, reporting the pooled out-of-fold rates.
 *
 * One knob per category: its `near` threshold is the score that only a share `alpha` of the
 * calibration Supportive users' sentences reach (they comfort others, the hardest negatives);
 * `alpha` and the common `margin` are then chosen to flag the most at-risk users while keeping
 * Supportive users flagged at or below TARGET_SUPPORTIVE.
 */
import { RISK_CATEGORIES, type RiskCategory } from '../../electron/core/notes/risk/risk-categories';
import type {
  SentenceScore,
  Thresholds,
} from '../../electron/core/notes/risk/semantic/semantic-score';
import {
  calibration,
  type RiskCalibration,
} from '../../electron/core/notes/risk/semantic/semantic-thresholds';
import { AT_RISK_LABELS, type CssrsUser } from '../fixtures/public/cssrs-reddit';

export const TARGET_SUPPORTIVE = 0.3;
const ALPHAS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02];
const MARGINS = [0, 0.04, 0.08, 0.12];
/** How much looser the bar a weak rule hit must clear is than a meaning hit's own. */
const LOOSENESS = [0, 0.05, 0.1];

export interface ScoredSentence {
  user: number;
  score: SentenceScore;
  /** The sentence may count at all (not addressed to the listener only, not a question…). */
  eligible: boolean;
}

export interface UserOutcome {
  recallAtRisk: number;
  supportiveFlagged: number;
  perLabel: Record<string, number>;
}

function quantile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return 1;
  const index = Math.min(sorted.length - 1, Math.floor((1 - share) * sorted.length));
  return sorted[index] ?? 1;
}

export function thresholdsFor(
  sentences: readonly ScoredSentence[],
  supportiveUsers: ReadonlySet<number>,
  alpha: number,
  margin: number,
): Thresholds {
  const negatives = sentences.filter((s) => s.eligible && supportiveUsers.has(s.user));
  return Object.fromEntries(
    RISK_CATEGORIES.map((category) => {
      const scores = negatives.map((s) => s.score.risk[category]).sort((a, b) => a - b);
      return [category, { near: quantile(scores, alpha), margin }];
    }),
  ) as Thresholds;
}

export function outcome(
  users: readonly CssrsUser[],
  members: readonly number[],
  flagged: (user: number) => boolean,
): UserOutcome {
  const perLabel: Record<string, { n: number; f: number }> = {};
  for (const u of members) {
    const label = users[u]?.label ?? '';
    const entry = (perLabel[label] ??= { n: 0, f: 0 });
    entry.n++;
    if (flagged(u)) entry.f++;
  }
  const rate = (labels: readonly string[]) => {
    const n = labels.reduce((sum, l) => sum + (perLabel[l]?.n ?? 0), 0);
    const f = labels.reduce((sum, l) => sum + (perLabel[l]?.f ?? 0), 0);
    return n === 0 ? 0 : f / n;
  };
  return {
    recallAtRisk: rate(AT_RISK_LABELS),
    supportiveFlagged: rate(['Supportive']),
    perLabel: Object.fromEntries(Object.entries(perLabel).map(([l, e]) => [l, e.f / e.n])),
  };
}

export interface Choice {
  alpha: number;
  margin: number;
  looser: number;
  calibration: RiskCalibration;
  fit: UserOutcome;
}

/**
 * The best alpha and margin on `members`: the highest at-risk recall with Supportive users at or
 * below the target; `flaggedWith` says whether a user is flagged under given thresholds.
 */
export function choose(
  users: readonly CssrsUser[],
  members: readonly number[],
  sentences: readonly ScoredSentence[],
  flaggedWith: (chosen: RiskCalibration) => (user: number) => boolean,
): Choice {
  const memberSet = new Set(members);
  const inSplit = sentences.filter((s) => memberSet.has(s.user));
  const supportive = new Set(members.filter((u) => users[u]?.label === 'Supportive'));
  let best: Choice | undefined;
  for (const [alpha, margin, looser] of ALPHAS.flatMap((a) =>
    MARGINS.flatMap((m) => LOOSENESS.map((l) => [a, m, l] as const)),
  )) {
    {
      const chosen = calibration(thresholdsFor(inSplit, supportive, alpha, margin), looser);
      const fit = outcome(users, members, flaggedWith(chosen));
      const ok = fit.supportiveFlagged <= TARGET_SUPPORTIVE;
      const bestOk = best !== undefined && best.fit.supportiveFlagged <= TARGET_SUPPORTIVE;
      // Within the target: the most at-risk users flagged. While none meets it: the fewest
      // Supportive users flagged (so the report shows how far the target is).
      const better =
        best === undefined ||
        (ok && !bestOk) ||
        (ok && bestOk && fit.recallAtRisk > best.fit.recallAtRisk) ||
        (!ok && !bestOk && fit.supportiveFlagged < best.fit.supportiveFlagged);
      if (better) best = { alpha, margin, looser, calibration: chosen, fit };
    }
  }
  if (best === undefined) throw new Error('calibration: no candidate');
  return best;
}

/** A seeded, label-stratified assignment of users to k folds. */
export function stratifiedFolds(users: readonly CssrsUser[], k: number, seed = 17): number[] {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const fold = new Array<number>(users.length).fill(0);
  const byLabel = new Map<string, number[]>();
  users.forEach((user, u) => byLabel.set(user.label, [...(byLabel.get(user.label) ?? []), u]));
  for (const members of byLabel.values()) {
    const shuffled = members
      .map((u) => ({ u, r: random() }))
      .sort((a, b) => a.r - b.r)
      .map((x) => x.u);
    shuffled.forEach((u, i) => (fold[u] = i % k));
  }
  return fold;
}

export type { RiskCategory };

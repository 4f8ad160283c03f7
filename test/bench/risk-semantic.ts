/**
 * The semantic layer on the public C-SSRS users: embeddings (cached), thresholds calibrated on a
 * split the report never tunes on, 5-fold cross-validation, and the thresholds chosen on all users
 * (what the app ships, in semantic-thresholds.ts).
 */
import type { RiskHit } from '../../electron/core/notes/risk/risk-categories';
import { scanRisk } from '../../electron/core/notes/risk/scan-risk';
import { bankTexts, banksFromVectors } from '../../electron/core/notes/risk/semantic/risk-bank';
import {
  combineRisk,
  eligibleForMeaning,
  segmentSentences,
  sentenceKey,
  type SentenceRef,
} from '../../electron/core/notes/risk/semantic/semantic-risk';
import {
  scoreSentence,
  type EmbeddedBanks,
  type SentenceScore,
} from '../../electron/core/notes/risk/semantic/semantic-score';
import type { RiskCalibration } from '../../electron/core/notes/risk/semantic/semantic-thresholds';
import { loadCssrsUsers, type CssrsUser } from '../fixtures/public/cssrs-reddit';
import { choose, outcome, stratifiedFolds, type ScoredSentence } from './risk-calibrate';
import { embedAll } from './risk-public-sentences';

interface UserData {
  refs: SentenceRef[];
  ruleHits: RiskHit[];
  scores: Map<string, SentenceScore>;
}

async function embedBanks(): Promise<EmbeddedBanks> {
  return banksFromVectors(await embedAll(bankTexts(), 'risk-bank'));
}

async function prepare(users: readonly CssrsUser[]) {
  const refsByUser = users.map((user) =>
    segmentSentences(user.posts.map((text, p) => ({ id: `p${p}`, text }))),
  );
  const texts = refsByUser.flatMap((refs) => refs.map((ref) => ref.sentence.text));
  const vectors = await embedAll(texts, 'risk-public');
  const banks = await embedBanks();
  let next = 0;
  const data: UserData[] = refsByUser.map((refs, u) => {
    const scores = new Map<string, SentenceScore>();
    for (const ref of refs) {
      const vector = vectors[next++];
      if (vector)
        scores.set(sentenceKey(ref.segment.id, ref.sentence), scoreSentence(vector, banks));
    }
    const segments = users[u]?.posts.map((text, p) => ({ id: `p${p}`, text })) ?? [];
    return { refs, ruleHits: scanRisk(segments), scores };
  });
  const scored: ScoredSentence[] = data.flatMap((d, u) =>
    d.refs.map((ref) => ({
      user: u,
      score: d.scores.get(sentenceKey(ref.segment.id, ref.sentence)) as SentenceScore,
      eligible: eligibleForMeaning(ref.sentence.text),
    })),
  );
  return { data, scored };
}

const pct = (value: number) => `${Math.round(value * 1000) / 10} %`;

export async function semanticRiskFigures() {
  const users = loadCssrsUsers();
  const { data, scored } = await prepare(users);
  const flaggedWith = (chosen: RiskCalibration) => (u: number) => {
    const d = data[u];
    if (!d) return false;
    // A user is flagged for their own risk: someone else's ("my friend killed himself") is kept
    // in the desk as such, but it is not this user's risk and the labels do not count it.
    return combineRisk(d.refs, d.ruleHits, d.scores, chosen).some((h) => h.subject === 'self');
  };
  const all = users.map((_, u) => u);

  // A fixed split: choose on fold 0, report on fold 1.
  const halves = stratifiedFolds(users, 2);
  const calibration = all.filter((u) => halves[u] === 0);
  const heldOut = all.filter((u) => halves[u] === 1);
  const split = choose(users, calibration, scored, flaggedWith);
  const splitHeldOut = outcome(users, heldOut, flaggedWith(split.calibration));

  // 5-fold cross-validation: every user judged by thresholds chosen without them.
  const folds = stratifiedFolds(users, 5);
  const outOfFold = new Map<number, boolean>();
  for (let k = 0; k < 5; k++) {
    const train = all.filter((u) => folds[u] !== k);
    const chosen = choose(users, train, scored, flaggedWith);
    const judge = flaggedWith(chosen.calibration);
    for (const u of all.filter((x) => folds[x] === k)) outOfFold.set(u, judge(u));
  }
  const crossValidated = outcome(users, all, (u) => outOfFold.get(u) ?? false);

  const final = choose(users, all, scored, flaggedWith);
  const row = (name: string, o: ReturnType<typeof outcome>) => ({
    protocol: name,
    'at risk flagged': pct(o.recallAtRisk),
    'Supportive flagged': pct(o.supportiveFlagged),
    ...Object.fromEntries(Object.entries(o.perLabel).map(([l, r]) => [l, pct(r)])),
  });
  console.log('Rules and meaning together, public C-SSRS users:');
  console.table([
    row('split: calibration half (fit)', split.fit),
    row('split: held-out half', splitHeldOut),
    row('5-fold cross-validated', crossValidated),
    row('all users (fit, shipped)', final.fit),
  ]);
  console.log(
    `chosen on all users: alpha ${final.alpha}, margin ${final.margin}, weak hits confirmed ${final.looser} looser`,
  );
  console.log(JSON.stringify(final.calibration.hit));
  return { split: { fit: split.fit, heldOut: splitHeldOut }, crossValidated, final };
}

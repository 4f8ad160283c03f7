/**
 * `npm run bench -- risk`: how often the risk scanner flags people, on language nobody here wrote
 * first (the public C-SSRS-labelled Reddit users, ../shared/data/risk/), then on this team's own
 * labelled utterances (test/fixtures/risk/, written with the rules: a unit-level figure, not
 * accuracy). A user counts as flagged when any of their posts yields a flag about themselves.
 */
import { scanRisk, scanUtterance } from '../../electron/core/notes/risk/scan-risk';
import {
  AT_RISK_LABELS,
  CSSRS_LABELS,
  loadCssrsUsers,
  type CssrsUser,
} from '../fixtures/public/cssrs-reddit';
import { RISK_UTTERANCES } from '../fixtures/risk/utterances';
import { scanRiskWithMeaning } from '../../electron/core/notes/risk/scan-risk-with-meaning';
import { semanticRiskFigures } from './risk-semantic';
import { riskSpeed } from './risk-speed';

const percent = (part: number, whole: number) =>
  whole === 0 ? '–' : `${Math.round((part / whole) * 1000) / 10} %`;

function userFlags(user: CssrsUser) {
  const hits = scanRisk(user.posts.map((text, index) => ({ id: `p${index}`, text })));
  return { any: hits.length > 0, self: hits.some((hit) => hit.subject === 'self') };
}

export async function riskBenchmark() {
  const users = loadCssrsUsers();
  const started = performance.now();
  const flagged = users.map((user) => ({ user, ...userFlags(user) }));
  const scanMs = performance.now() - started;

  const perLabel = CSSRS_LABELS.map((label) => {
    const group = flagged.filter((f) => f.user.label === label);
    const self = group.filter((f) => f.self).length;
    const any = group.filter((f) => f.any).length;
    const atRisk = AT_RISK_LABELS.includes(label);
    return {
      label,
      users: group.length,
      should: atRisk ? 'flag' : label === 'Supportive' ? 'not flag' : 'either',
      'flagged (self)': percent(self, group.length),
      'flagged (any)': percent(any, group.length),
    };
  });
  const atRisk = flagged.filter((f) => AT_RISK_LABELS.includes(f.user.label));
  const supportive = flagged.filter((f) => f.user.label === 'Supportive');
  const publicSummary = {
    recallAtRisk: atRisk.filter((f) => f.self).length / atRisk.length,
    falseAlarmSupportive: supportive.filter((f) => f.self).length / supportive.length,
    usersPerSecond: Math.round(users.length / (scanMs / 1000)),
  };
  console.log(
    'Public: C-SSRS-labelled Reddit users (Gaur et al. 2019, CC BY 4.0), not written here',
  );
  console.log('Rules alone:');
  console.table(perLabel);
  console.log(
    `at risk (Ideation, Behavior, Attempt) flagged ${percent(atRisk.filter((f) => f.self).length, atRisk.length)}; ` +
      `Supportive flagged ${percent(supportive.filter((f) => f.self).length, supportive.length)}`,
  );

  let positives = 0;
  let found = 0;
  let negatives = 0;
  let falseAlarms = 0;
  for (const u of RISK_UTTERANCES) {
    const hit = scanUtterance(u.text).length > 0;
    if (u.expected.length > 0) {
      positives++;
      if (hit) found++;
    } else {
      negatives++;
      if (hit) falseAlarms++;
    }
  }
  // The same utterances through the scan the app runs (rules and meaning, shipped thresholds).
  const withMeaning = await scanRiskWithMeaning(
    RISK_UTTERANCES.map((u, i) => ({ id: `u${i}`, text: u.text })),
  );
  const flaggedIds = new Set(withMeaning.hits.map((hit) => hit.segmentId));
  const meaningFound = RISK_UTTERANCES.filter(
    (u, i) => u.expected.length > 0 && flaggedIds.has(`u${i}`),
  ).length;
  const meaningFalse = RISK_UTTERANCES.filter(
    (u, i) => u.expected.length === 0 && flaggedIds.has(`u${i}`),
  ).length;
  const own = {
    positives,
    recall: found / positives,
    negatives,
    falseAlarm: falseAlarms / negatives,
    withMeaning: { recall: meaningFound / positives, falseAlarm: meaningFalse / negatives },
  };
  console.log('Own: test/fixtures/risk (written with the rules: unit level, not accuracy)');
  console.table([
    {
      scan: 'rules alone',
      utterances: positives + negatives,
      recall: percent(found, positives),
      'false alarm': percent(falseAlarms, negatives),
    },
    {
      scan: `rules + meaning (${withMeaning.meaning})`,
      utterances: positives + negatives,
      recall: percent(meaningFound, positives),
      'false alarm': percent(meaningFalse, negatives),
    },
  ]);
  const semantic = await semanticRiskFigures();
  const speed = await riskSpeed();
  return { public: { rulesAlone: { perLabel, ...publicSummary }, semantic }, own, speed };
}

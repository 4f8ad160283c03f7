/**
 * The risk layer's cost on a 60-minute session's transcript (a scripted session's turns, about
 * 9,000 words), side by side in one run: the rules alone, and the rules with the meaning layer from
 * a cold start (its own process, the encoder loaded, the bank and every distinct sentence embedded).
 * `npm run bench -- pipeline` (BENCH_PIPELINE_SECONDS=3600) puts the same scan beside a whole run.
 */
import { scanRisk } from '../../electron/core/notes/risk/scan-risk';
import { scanRiskWithMeaning } from '../../electron/core/notes/risk/scan-risk-with-meaning';
import { SCENARIOS, scenarioTurns } from '../fixtures/sessions/scenarios';

export async function riskSpeed() {
  const scenario = SCENARIOS[0];
  if (!scenario) throw new Error('no scripted scenario');
  const segments = scenarioTurns(scenario, 3600, 1).map((turn, i) => ({
    id: `s${i}`,
    speaker: turn.speaker === 0 ? 'Clinician' : 'Client',
    text: turn.text,
  }));
  const words = segments.reduce((n, s) => n + s.text.split(/\s+/).filter(Boolean).length, 0);
  let started = performance.now();
  const rules = scanRisk(segments);
  const rulesMs = performance.now() - started;
  started = performance.now();
  const scan = await scanRiskWithMeaning(segments);
  const meaningMs = performance.now() - started;
  if (scan.meaning !== 'used') throw new Error(scan.warning);
  console.log(`60-minute scripted transcript: ${segments.length} turns, ${words} words`);
  console.table([
    { scan: 'rules alone', seconds: (rulesMs / 1000).toFixed(3), flags: rules.length },
    {
      scan: 'rules + meaning (cold start)',
      seconds: (meaningMs / 1000).toFixed(2),
      flags: scan.hits.length,
    },
  ]);
  return { turns: segments.length, words, rulesMs, meaningMs };
}

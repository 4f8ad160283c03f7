/**
 * De-identifying a 60-minute session's transcript (a scripted session's turns, about 9,000 words,
 * turn by turn as the transcript is stored): the first time in a process, which loads the word
 * lists and compiles the patterns, and again once warm (also all in lower case, as some ASR writes). The bound is 2 s.
 */
import { findIdentifiers } from '../../electron/core/sync/deidentify';
import { SCENARIOS, scenarioTurns } from '../fixtures/sessions/scenarios';

export function deidTranscriptSpeed() {
  const scenario = SCENARIOS[0];
  if (!scenario) throw new Error('no scripted scenario');
  const turns = scenarioTurns(scenario, 3600, 1).map((turn) => turn.text);
  const words = turns.reduce((n, text) => n + text.split(/\s+/).filter(Boolean).length, 0);
  const pass = (texts = turns) => {
    const started = performance.now();
    for (const text of texts) findIdentifiers(text, { knownNames: ['Maria Lopez'] });
    return performance.now() - started;
  };
  const coldMs = pass();
  const warmMs = pass();
  // A recogniser that writes no capitals: every turn is given a writer's capitals first.
  const lowerMs = pass(turns.map((text) => text.toLowerCase()));
  console.log(`60-minute scripted transcript: ${turns.length} turns, ${words} words`);
  console.table([
    { run: 'first in the process (lists loaded)', seconds: (coldMs / 1000).toFixed(2) },
    { run: 'warm', seconds: (warmMs / 1000).toFixed(2) },
    { run: 'warm, all in lower case', seconds: (lowerMs / 1000).toFixed(2) },
  ]);
  return { turns: turns.length, words, coldMs, warmMs, lowerMs };
}

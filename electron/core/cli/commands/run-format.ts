import { InvalidArgumentError } from 'commander';
import type { RunSummary } from '../../../../shared/api/schemas';
import { formatTable } from '../io';
import { clock } from '../progress-line';

export function parseSpeakers(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10)
    throw new InvalidArgumentError('must be auto or a whole number from 1 to 10.');
  return n;
}

const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);

/** A run and its stages, for people: status, timings, and what went wrong. */
export function describeRun(run: RunSummary): string {
  const header = [
    `Run ${run.id} (session ${run.sessionId}): ${run.status}`,
    run.errorMessage ? `  ${run.errorMessage}` : '',
    run.audioSec !== null ? `  audio ${clock(run.audioSec)}` : '',
    run.wallMs !== null
      ? `  wall ${seconds(run.wallMs)}${run.speedRatio ? ` (${run.speedRatio.toFixed(1)}× realtime)` : ''}`
      : '',
  ].filter(Boolean);
  const stages = formatTable(
    ['STAGE', 'STATUS', 'TIME', 'ENGINE', 'ATTEMPTS', 'NOTE'],
    run.stages.map((s) => [
      s.stage,
      s.status,
      seconds(s.durationMs),
      seconds(s.engineMs),
      String(s.attempts),
      s.errorMessage ?? s.skipReason ?? '',
    ]),
  );
  return [...header, '', stages].join('\n');
}

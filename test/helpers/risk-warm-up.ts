import { beforeAll } from 'vitest';
import { scanUtterance } from '../../electron/core/notes/risk/scan-risk';

/**
 * The first scans in a process compile the lexicon's large patterns (seconds on a busy 2-core
 * machine). A risk test file calls this once, so no single test's time limit pays for it.
 */
export function warmUpRiskScanner(): void {
  beforeAll(() => {
    scanUtterance('i want to die');
    scanUtterance('hello there, how was the week');
  }, 60_000);
}

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/**
 * Installs the no-egress guard (egress-guard.cjs) in this test worker and in every Node process a
 * test starts, and fails the test file if anything tried to connect beyond this machine, even when
 * the code under test caught the guard's error.
 */
interface Violation {
  host: string;
  port: number;
  pid: number;
  at: number;
}

const require = createRequire(import.meta.url);
const GUARD = path.join(__dirname, 'egress-guard.cjs');
const guard = require(GUARD) as {
  install(report: (violation: Violation) => void): void;
  fileReporter(dir: string): (violation: Violation) => void;
};

const childLog = mkdtempSync(path.join(tmpdir(), 'cairn-egress-'));
const inProcess: Violation[] = [];
guard.install((violation) => inProcess.push(violation));
process.env.CAIRN_EGRESS_LOG = childLog;
const requireGuard = `--require ${JSON.stringify(GUARD)}`;
if (!(process.env.NODE_OPTIONS ?? '').includes(GUARD))
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} ${requireGuard}`.trim();

/** Every violation so far, removed from the record: for the guard's own tests, which cause them. */
export function takeEgressViolations(): Violation[] {
  const taken = [...inProcess.splice(0), ...readChildViolations()];
  for (const name of readdirSync(childLog)) rmSync(path.join(childLog, name), { force: true });
  return taken;
}

function readChildViolations(): Violation[] {
  return readdirSync(childLog).flatMap((name) =>
    readFileSync(path.join(childLog, name), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Violation),
  );
}

afterAll(() => {
  const violations = takeEgressViolations();
  rmSync(childLog, { recursive: true, force: true });
  if (violations.length > 0)
    throw new Error(
      `no-egress guard: ${violations.length} outbound connection(s) beyond this machine: ${violations
        .map((v) => `${v.host}:${v.port} (pid ${v.pid})`)
        .join(', ')}`,
    );
});

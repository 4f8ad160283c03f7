import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCairn } from '../helpers/cli';
import { makeTempDir } from '../helpers/fixtures';
import { testLlmModel } from '../helpers/notes';
import { pipelineEnv, processJson, twoVoiceRecording } from '../helpers/pipeline';
import { takeEgressViolations } from '../setup/no-egress';

/** TEST-NET-3 (RFC 5737): documentation only, never routed; the guard must stop it first anyway. */
const OUTSIDE = '203.0.113.7';

/**
 * The no-egress guard every test file runs under (test/setup/no-egress.ts): proof that it catches
 * what it must, in this process and in the CLI processes tests start, and a full pipeline run
 * (import → preprocess → transcribe ‖ diarize → merge → notes with the embedded model) under it.
 */
describe('the no-egress guard', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('refuses and records a connection beyond this machine, and lets loopback through', async () => {
    expect(() => net.connect(80, OUTSIDE)).toThrow(/no-egress guard/);
    await expect(fetch(`http://${OUTSIDE}/`)).rejects.toThrow();
    expect(() => net.connect({ host: 'example.com', port: 443 })).toThrow(/no-egress guard/);
    expect(takeEgressViolations().map((v) => v.host)).toEqual([OUTSIDE, OUTSIDE, 'example.com']);

    const server = createServer((_request, response) => response.end('local'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('local');
    } finally {
      server.close();
    }
    expect(takeEgressViolations()).toEqual([]);
  });

  it('is in every Node process a test starts, and reports from there', async () => {
    const child = spawn(process.execPath, ['-e', `require('net').connect(80, '${OUTSIDE}')`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).not.toBe(0);
    expect(stderr).toContain('no-egress guard');
    expect(takeEgressViolations()).toMatchObject([{ host: OUTSIDE, pid: child.pid }]);
  });

  it('sees no connection beyond this machine in a full pipeline run, notes included', async () => {
    const dataDir = path.join(temp.dir, 'library');
    const env = pipelineEnv();
    const set = await runCairn(['settings', 'embeddedModel', testLlmModel()], { dataDir, env });
    expect(set.code, set.stderr).toBe(0);
    const result = await runCairn(['process', twoVoiceRecording(30, 23), '--json'], {
      dataDir,
      env,
    });
    expect(result.code, result.stderr).toBe(0);
    const run = processJson(result);
    expect(run.stages.map((s) => [s.stage, s.status])).toEqual(
      expect.arrayContaining([
        ['transcribe', 'completed'],
        ['diarize', 'completed'],
        ['notes', 'completed'],
      ]),
    );
    expect(takeEgressViolations()).toEqual([]);
  }, 600_000);
});

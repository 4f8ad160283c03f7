import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { startBridge, type Bridge } from '../../electron/core/bridge/http-bridge';
import { BRIDGE_EVENTS_PATH, BRIDGE_TOKEN_HEADER } from '../../shared/api/transport';
import { makeTempDir, SAMPLE_WAV } from '../helpers/fixtures';

function post(url: string, body: unknown, token?: string) {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { [BRIDGE_TOKEN_HEADER]: token } : {}),
    },
    body: JSON.stringify(body),
  });
}

/** Resolves with the error code of a TCP connection attempt, or 'connected'. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const req = request({ host, port, path: '/', method: 'GET', timeout: 2000 }, (res) => {
      res.resume();
      resolve('connected');
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    req.on('timeout', () => {
      req.destroy();
      resolve('timeout');
    });
    req.end();
  });
}

describe('the loopback HTTP bridge', () => {
  const temp = makeTempDir();
  let core: Core;
  let bridge: Bridge;
  beforeAll(async () => {
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'test',
      transport: 'http-bridge',
    });
    bridge = await startBridge({ core });
  });
  afterAll(async () => {
    await bridge.close();
    await core.shutdown();
    temp.remove();
  });

  it('uses a long random token', () => {
    expect(bridge.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects requests without the token or with a wrong one', async () => {
    const url = `${bridge.url}/api/sessions.list`;
    expect((await post(url, {})).status).toBe(401);
    expect((await post(url, {}, 'x'.repeat(64))).status).toBe(401);
    expect((await post(url, {}, bridge.token.slice(0, 10))).status).toBe(401);
    expect((await fetch(`${bridge.url}${BRIDGE_EVENTS_PATH}`)).status).toBe(401);
  });

  it('answers contract calls with the token', async () => {
    const response = await post(`${bridge.url}/api/sessions.list`, {}, bridge.token);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, value: [] });
  });

  it('validates input like every transport', async () => {
    const response = await post(`${bridge.url}/api/sessions.get`, { id: 42 }, bridge.token);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = await post(`${bridge.url}/api/process.exit`, {}, bridge.token);
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(new URL(bridge.url).hostname).toBe('127.0.0.1');
    expect(await tryConnect('127.0.0.1', bridge.port)).toBe('connected');
    const otherAddresses = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a?.family === 'IPv4' && !a.internal)
      .map((a) => a?.address ?? '');
    for (const address of [...otherAddresses, '::1']) {
      expect(await tryConnect(address, bridge.port), address).toBe('ECONNREFUSED');
    }
  });

  it('streams core events to subscribers', async () => {
    const controller = new AbortController();
    const response = await fetch(`${bridge.url}${BRIDGE_EVENTS_PATH}`, {
      headers: { [BRIDGE_TOKEN_HEADER]: bridge.token },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    if (!reader) throw new Error('no event stream body');
    await reader.read(); // the ": connected" comment: the subscription is live

    const imported = await post(
      `${bridge.url}/api/recordings.import`,
      { path: SAMPLE_WAV },
      bridge.token,
    );
    const { value } = (await imported.json()) as { value: { sessionId: string } };
    let received = '';
    while (!received.includes('\n\n')) received += (await reader.read()).value ?? '';
    controller.abort();
    expect(JSON.parse(received.replace(/^data: /, ''))).toEqual({
      name: 'sessions.changed',
      payload: { sessionId: value.sessionId },
    });
  });
});

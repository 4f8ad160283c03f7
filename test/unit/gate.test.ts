import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, methods } from '../../shared/api/contract';
import { invokeThroughGate } from '../../electron/core/app/gate';
import type { Handlers } from '../../electron/core/app/handlers';
import { PermanentError, ValidationError } from '../../electron/core/errors';

const SESSION_ID = '3f1c2b9e-8d4a-4c6b-9e2f-1a2b3c4d5e6f';

/** Handlers that record what they were given; the gate is what is under test. */
function recordingHandlers(calls: unknown[]): Handlers {
  const unused = () => {
    throw new Error('not called by these tests');
  };
  // Every method unused unless given below, so a new contract method needs no edit here.
  const everyMethod = Object.fromEntries(METHOD_NAMES.map((name) => [name, unused]));
  return {
    ...(everyMethod as unknown as Handlers),
    'app.info': () => ({ version: '0.0.0', dataDir: '/d', transport: 'in-process' }),
    'clients.list': () => [],
    'clients.get': unused,
    'clients.create': unused,
    'clients.rename': unused,
    'sessions.setClient': unused,
    'sessions.list': () => [],
    'sessions.get': (input) => {
      calls.push(input);
      throw new ValidationError('session_not_found', 'There is no such session.');
    },
    'recordings.import': (input) => {
      calls.push(input);
      throw new Error('disk on fire');
    },
  };
}

describe('the API gate', () => {
  it('refuses a method that is not in the contract', async () => {
    const envelope = await invokeThroughGate(recordingHandlers([]), 'sessions.drop', {});
    expect(envelope).toMatchObject({
      ok: false,
      error: { category: 'validation', code: 'unknown_method' },
    });
  });

  it('refuses inherited object keys posing as methods', async () => {
    const envelope = await invokeThroughGate(recordingHandlers([]), 'toString', {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('validates input before the handler runs', async () => {
    const calls: unknown[] = [];
    const envelope = await invokeThroughGate(recordingHandlers(calls), 'sessions.get', {
      id: 'not-a-uuid',
    });
    expect(envelope).toMatchObject({
      ok: false,
      error: { category: 'validation', code: 'invalid_input' },
    });
    expect(calls).toEqual([]);
  });

  it('passes typed errors through with their user message', async () => {
    const envelope = await invokeThroughGate(recordingHandlers([]), 'sessions.get', {
      id: SESSION_ID,
    });
    expect(envelope).toEqual({
      ok: false,
      error: {
        category: 'validation',
        code: 'session_not_found',
        message: 'There is no such session.',
      },
    });
  });

  it('turns unexpected exceptions into a permanent internal error and reports them', async () => {
    const reported: string[] = [];
    const envelope = await invokeThroughGate(
      recordingHandlers([]),
      'recordings.import',
      { path: '/x.wav' },
      (method) => reported.push(method),
    );
    expect(envelope).toMatchObject({
      ok: false,
      error: { category: 'permanent', code: 'internal' },
    });
    expect(reported).toEqual(['recordings.import']);
  });

  it('strips fields the contract does not declare from outputs', async () => {
    const handlers = recordingHandlers([]);
    handlers['app.info'] = () =>
      ({ version: '1', dataDir: '/d', transport: 'in-process', secret: 'x' }) as ReturnType<
        Handlers['app.info']
      >;
    const envelope = await invokeThroughGate(handlers, 'app.info', {});
    expect(envelope).toEqual({
      ok: true,
      value: { version: '1', dataDir: '/d', transport: 'in-process' },
    });
  });

  it('every contract method has an input and an output schema', () => {
    for (const [name, method] of Object.entries(methods)) {
      expect(method.input, name).toBeDefined();
      expect(method.output, name).toBeDefined();
    }
  });
});

describe('error hierarchy', () => {
  it('carries a category and a user-facing message', () => {
    const error = new PermanentError('model_missing', 'Download the model first.');
    expect(error.toApiError()).toEqual({
      category: 'permanent',
      code: 'model_missing',
      message: 'Download the model first.',
    });
    expect(error.name).toBe('PermanentError');
  });
});

import { describe, expect, it } from 'vitest';
import { PermanentError, TransientError } from '../../electron/core/errors';
import { EngineGuard } from '../../electron/core/pipeline/resilience';

const signal = new AbortController().signal;
const crash = () => Promise.reject(new TransientError('engine_crashed', 'The engine stopped.'));

/**
 * The retry and breaker policy on its own (the engine calls are plain functions here). The same
 * policy guards the real engines in test/integration/pipeline.test.ts (a whisper-cli that crashes
 * once is retried and the run completes).
 */
describe('engine retries and circuit breakers', () => {
  it('retries a transient failure with backoff, then succeeds', async () => {
    const guard = new EngineGuard({ maxAttempts: 3, initialDelayMs: 5 });
    let calls = 0;
    const retries: number[] = [];
    const result = await guard.run(
      'whisper',
      () => (++calls < 3 ? crash() : Promise.resolve('transcript')),
      signal,
      (attempt) => retries.push(attempt),
    );
    expect(result).toBe('transcript');
    expect(calls).toBe(3);
    expect(retries).toEqual([1, 2]);
  });

  it('never retries a permanent failure', async () => {
    const guard = new EngineGuard({ maxAttempts: 3, initialDelayMs: 5 });
    let calls = 0;
    const missing = () => {
      calls += 1;
      return Promise.reject(new PermanentError('model_missing', 'The model is not installed.'));
    };
    await expect(guard.run('whisper', missing, signal)).rejects.toMatchObject({
      code: 'model_missing',
    });
    expect(calls).toBe(1);
  });

  it('opens after repeated failures, fails fast while open, and half-opens after its timeout', async () => {
    const guard = new EngineGuard({ maxAttempts: 1, breakerThreshold: 3, halfOpenAfterMs: 1000 });
    let calls = 0;
    const failing = () => {
      calls += 1;
      return crash();
    };
    for (let i = 0; i < 3; i += 1)
      await expect(guard.run('diarizer', failing, signal)).rejects.toMatchObject({
        code: 'engine_crashed',
      });
    expect(guard.state('diarizer')).toBe('open');
    expect(guard.health()).toMatchObject({ diarizer: 'open', whisper: 'closed' });

    await expect(guard.run('diarizer', failing, signal)).rejects.toMatchObject({
      code: 'engine_paused',
    });
    expect(calls).toBe(3); // the broken engine was not called again

    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(guard.state('diarizer')).toBe('half-open');
    let stateDuringTrial = '';
    const trial = async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      stateDuringTrial = guard.state('diarizer');
      return 'turns';
    };
    await expect(guard.run('diarizer', trial, signal)).resolves.toBe('turns');
    expect(stateDuringTrial).toBe('half-open');
    expect(guard.state('diarizer')).toBe('closed');
  });

  it('re-opens when the half-open trial fails', async () => {
    const guard = new EngineGuard({ maxAttempts: 1, breakerThreshold: 1, halfOpenAfterMs: 300 });
    await expect(guard.run('llm', crash, signal)).rejects.toMatchObject({ code: 'engine_crashed' });
    await new Promise((resolve) => setTimeout(resolve, 350));
    await expect(guard.run('llm', crash, signal)).rejects.toMatchObject({ code: 'engine_crashed' });
    expect(guard.state('llm')).toBe('open');
  });
});

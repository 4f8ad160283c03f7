import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  retry,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { CancelledError, TransientError } from '../errors';

/** The engines a stage may depend on; each has its own circuit breaker. */
export const ENGINES = ['ffmpeg', 'whisper', 'diarizer', 'llm'] as const;
export type EngineName = (typeof ENGINES)[number];

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface ResilienceOptions {
  /** Attempts per stage for transient failures (first try included). */
  maxAttempts?: number;
  /** First retry delay; later ones grow exponentially, with jitter, up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Consecutive transient failures that open an engine's breaker… */
  breakerThreshold?: number;
  /** …and how long it stays open before one trial call is let through (half-open). */
  halfOpenAfterMs?: number;
}

const isTransient = (error: unknown) => error instanceof TransientError;

/**
 * Retries and circuit breakers for the pipeline's engines (cockatiel). A transient failure (a
 * crashed or timed-out engine process, a busy LLM server) is retried with exponential backoff and
 * jitter, a bounded number of times. Repeated failures open that engine's breaker: further calls
 * fail at once instead of hammering a broken engine, until a trial call after `halfOpenAfterMs`
 * succeeds. Permanent failures and cancellation pass straight through.
 */
export class EngineGuard {
  private readonly breakers = new Map<EngineName, CircuitBreakerPolicy>();
  private readonly openedAt = new Map<EngineName, number>();
  private readonly options: Required<ResilienceOptions>;

  constructor(options: ResilienceOptions = {}) {
    this.options = {
      maxAttempts: options.maxAttempts ?? 3,
      initialDelayMs: options.initialDelayMs ?? 1000,
      maxDelayMs: options.maxDelayMs ?? 30_000,
      breakerThreshold: options.breakerThreshold ?? 5,
      halfOpenAfterMs: options.halfOpenAfterMs ?? 60_000,
    };
  }

  /** Runs `work` for `engine` under its retry policy and breaker; `signal` cancels waits too. */
  async run<T>(
    engine: EngineName,
    work: (signal: AbortSignal) => Promise<T>,
    signal: AbortSignal,
    onRetry?: (attempt: number, delayMs: number, error: unknown) => void,
  ): Promise<T> {
    const policy = retry(handleWhen(isTransient), {
      maxAttempts: this.options.maxAttempts - 1,
      backoff: new ExponentialBackoff({
        initialDelay: this.options.initialDelayMs,
        maxDelay: this.options.maxDelayMs,
      }),
    });
    const listener = policy.onRetry((event) => {
      onRetry?.(event.attempt, event.delay, 'error' in event ? event.error : undefined);
    });
    const breaker = this.breaker(engine);
    try {
      return await policy.execute(
        (context) => breaker.execute((inner) => work(inner.signal), context.signal),
        signal,
      );
    } catch (error) {
      if (signal.aborted) throw new CancelledError();
      if (error instanceof BrokenCircuitError) {
        throw new TransientError(
          'engine_paused',
          `The ${ENGINE_LABELS[engine]} failed several times in a row, so Cairn paused it for ${Math.round(this.options.halfOpenAfterMs / 1000)} s. Try again after that; if it keeps failing, restart Cairn.`,
        );
      }
      throw error;
    } finally {
      listener.dispose();
    }
  }

  /**
   * An open breaker whose timeout has passed reports half-open: the next call is the trial
   * (cockatiel itself switches only when that call arrives).
   */
  state(engine: EngineName): BreakerState {
    const state = this.breakers.get(engine)?.state ?? CircuitState.Closed;
    if (state === CircuitState.Open) {
      const openedAt = this.openedAt.get(engine) ?? 0;
      return Date.now() - openedAt >= this.options.halfOpenAfterMs ? 'half-open' : 'open';
    }
    if (state === CircuitState.Isolated) return 'open';
    return state === CircuitState.HalfOpen ? 'half-open' : 'closed';
  }

  /** Every engine's breaker, for the health API. */
  health(): Record<EngineName, BreakerState> {
    return Object.fromEntries(ENGINES.map((e) => [e, this.state(e)])) as Record<
      EngineName,
      BreakerState
    >;
  }

  private breaker(engine: EngineName): CircuitBreakerPolicy {
    let breaker = this.breakers.get(engine);
    if (!breaker) {
      breaker = circuitBreaker(handleWhen(isTransient), {
        halfOpenAfter: this.options.halfOpenAfterMs,
        breaker: new ConsecutiveBreaker(this.options.breakerThreshold),
      });
      breaker.onBreak(() => this.openedAt.set(engine, Date.now()));
      this.breakers.set(engine, breaker);
    }
    return breaker;
  }
}

const ENGINE_LABELS: Record<EngineName, string> = {
  ffmpeg: 'audio decoder (ffmpeg)',
  whisper: 'transcription engine (whisper.cpp)',
  diarizer: 'speaker engine',
  llm: 'notes model',
};

import type { Db } from '../store/open-database';
import { runOutboxPass, type OutboxPassResult, type OutboxRetryOptions } from './outbox/run-outbox';

export interface SyncServiceOptions {
  db: Db;
  actor: string;
  retry?: OutboxRetryOptions;
  onError?: (error: unknown) => void;
  /** Background passes are skipped while this says so (the library is being moved). */
  paused?: () => boolean;
  /** After every pass (the UI refreshes its counts). */
  onPassEnd?: (result: OutboxPassResult) => void;
}

export interface LastPass extends OutboxPassResult {
  at: number;
}

/**
 * Runs outbox passes one at a time in this process: in the background in the app (every
 * `intervalMs`, and soon after an approval or a settings change), and on request (`sync.run`).
 * A request made while a pass runs waits for it and then runs its own, so it never returns
 * before the items it was asked about were tried.
 */
export class SyncService {
  private running: Promise<OutboxPassResult> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private kickTimer: NodeJS.Timeout | undefined;
  private readonly stopping = new AbortController();
  private last: LastPass | undefined;

  constructor(private readonly options: SyncServiceOptions) {}

  /** The app: a pass every `intervalMs` (it costs nothing while sharing is off: no connection). */
  start(intervalMs: number): void {
    this.timer = setInterval(() => this.kick(0), intervalMs);
    this.timer.unref();
    this.kick(0);
  }

  /** Something was queued or the settings changed: a background pass soon (only once started). */
  kick(delayMs = 500): void {
    if (!this.timer || this.kickTimer || this.stopping.signal.aborted) return;
    this.kickTimer = setTimeout(() => {
      this.kickTimer = undefined;
      if (this.running || this.options.paused?.()) return;
      this.pass(true).catch((error: unknown) => this.options.onError?.(error));
    }, delayMs);
    this.kickTimer.unref();
  }

  /** Uploads everything pending now, ignoring backoff; waits for a pass already running first. */
  async runNow(): Promise<OutboxPassResult> {
    while (this.running) await this.running.catch(() => undefined);
    return this.pass(false);
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  get lastPass(): LastPass | undefined {
    return this.last;
  }

  /** Stops the timer and any upload in flight (it stays pending); waits for the pass to end. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    clearTimeout(this.kickTimer);
    this.stopping.abort();
    await this.running?.catch(() => undefined);
  }

  private pass(respectBackoff: boolean): Promise<OutboxPassResult> {
    const pass = runOutboxPass(this.options.db, {
      actor: this.options.actor,
      respectBackoff,
      signal: this.stopping.signal,
      retry: this.options.retry,
      onError: this.options.onError,
    })
      .then((result) => {
        this.last = { ...result, at: Date.now() };
        this.options.onPassEnd?.(result);
        return result;
      })
      .finally(() => {
        if (this.running === pass) this.running = undefined;
      });
    this.running = pass;
    return pass;
  }
}

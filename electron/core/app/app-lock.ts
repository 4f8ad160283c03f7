import type { MethodName } from '../../../shared/api/contract';
import type { LockReason, LockStatus } from '../../../shared/api/security-schemas';
import { readSetting } from '../config/settings';
import { TransientError, ValidationError } from '../errors';
import {
  hashPasscode,
  passcodeMatches,
  readPasscode,
  readUnlockFailures,
  storePasscode,
  storeUnlockFailures,
} from '../security/passcode';
import type { Db } from '../store/open-database';
import { recordAudit } from '../store/repositories/audit';
import type { EventBus } from './event-bus';

/** What a locked Cairn still answers: enough to show the lock screen and unlock. */
const ALLOWED_WHILE_LOCKED: ReadonlySet<MethodName> = new Set([
  'app.info',
  'lock.status',
  'lock.unlock',
  'lock.unlockWithSystem',
]);

/**
 * Calls a page makes by itself (loading, and reloading when an event says something changed):
 * they are not the clinician doing something, or a screen left open while sessions process
 * would never lock. Everything else, and `lock.touch`, counts as activity.
 */
const PASSIVE: ReadonlySet<MethodName> = new Set([
  'app.info',
  'lock.status',
  'sessions.list',
  'sessions.get',
  'briefs.get',
  'couples.get',
  // Reloaded at every runs.changed, which a plan run in the background sends.
  'plans.get',
  'sessions.transcript',
  'clients.list',
  'clients.get',
  'runs.list',
  'runs.get',
  'riskFlags.list',
  'speakers.list',
  // The desk follows indexing (pending, a rebuild) by asking for it.
  'search.status',
  'notes.list',
  'notes.get',
  'notes.addenda',
  'notes.revisions',
  'notes.providerStatus',
  'models.list',
  // Reloaded at every notesModels.changed, which a download in the background sends.
  'notesModels.list',
  'templates.list',
  'pipeline.health',
  'library.location',
  'audit.list',
  'transcript.revisions',
  'recordings.peaks',
  'ollama.models',
  'templates.get',
  'settings.get',
  // The session page reloads it whenever the outbox changes, which background sync does.
  'sync.status',
]);

/** Wrong passcodes allowed before each further try has to wait. */
const FREE_TRIES = 5;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 5 * 60_000;

/** The system's own unlock (Touch ID), offered by the Electron shell where the OS has one. */
export interface SystemUnlock {
  available(): boolean;
  /** Shows the system's prompt; true when the person passed it. */
  prompt(reason: string): Promise<boolean>;
}

export interface AppLockOptions {
  db: Db;
  events: EventBus;
  actor: string;
  /** The app and the bridge: yes. The CLI runs as the OS user at a terminal and is not locked. */
  enforced: boolean;
  /** Milliseconds since 1970; tests pass their own clock. */
  now: () => number;
  systemUnlock?: SystemUnlock;
  /** Locked or logged off: what was seen must be logged again when it is next opened. */
  onAccessEnded: () => void;
}

/**
 * The app lock, enforced in the core: while locked every call but the few above is refused,
 * whatever the renderer does. Inactivity is measured here too (time since the clinician last did
 * something), so the lock holds even if the renderer stops reporting. Pipeline work is not a
 * call and keeps running.
 */
export class AppLock {
  private locked: boolean;
  private lastActivity: number;
  /** A logoff was recorded for the current stretch of inactivity. */
  private loggedOff = false;
  private wrongTries: number;
  private retryAt: number;
  /** Unlock attempts run one at a time, so parallel guesses cannot slip past the wait. */
  private attempts: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: AppLockOptions) {
    this.locked = options.enforced && readPasscode(options.db) !== null;
    this.lastActivity = options.now();
    ({ wrongTries: this.wrongTries, retryAt: this.retryAt } = readUnlockFailures(options.db));
  }

  get isLocked(): boolean {
    this.evaluate();
    return this.locked;
  }

  /** Why `method` is refused now, or null when it may run; a call that runs counts as activity. */
  admit(method: string): ValidationError | null {
    this.evaluate();
    if (this.locked && !ALLOWED_WHILE_LOCKED.has(method as MethodName))
      return new ValidationError(
        'locked',
        'Cairn is locked. Unlock it with your passcode to continue; sessions keep processing meanwhile.',
      );
    if (!this.locked && !PASSIVE.has(method as MethodName)) this.noteActivity();
    return null;
  }

  /** Applies the inactivity timeouts; run before every call and by a timer. */
  evaluate(): void {
    if (!this.options.enforced) return;
    const idle = this.options.now() - this.lastActivity;
    const logoffMs = readSetting(this.options.db, 'logoffAfterMinutes') * 60_000;
    const lockMs = Math.min(readSetting(this.options.db, 'lockAfterMinutes') * 60_000, logoffMs);
    if (!this.locked && idle >= lockMs && readPasscode(this.options.db))
      this.setLocked('inactivity');
    if (!this.loggedOff && idle >= logoffMs) {
      this.loggedOff = true;
      this.audit('access.logged_off', { idleMinutes: Math.floor(idle / 60_000) });
      this.options.onAccessEnded();
      this.options.events.emit('lock.changed', { locked: this.locked, reason: 'logoff' });
    }
  }

  status(): LockStatus {
    this.evaluate();
    const { db, enforced, now } = this.options;
    return {
      enforced,
      passcodeSet: readPasscode(db) !== null,
      locked: this.locked,
      systemUnlock: enforced && (this.options.systemUnlock?.available() ?? false),
      retryAfterSec: Math.max(0, Math.ceil((this.retryAt - now()) / 1000)),
      lockAfterMinutes: readSetting(db, 'lockAfterMinutes'),
      logoffAfterMinutes: readSetting(db, 'logoffAfterMinutes'),
    };
  }

  lock(): LockStatus {
    if (!readPasscode(this.options.db))
      throw new ValidationError(
        'no_passcode',
        'Set a passcode in Settings → Security first: it is what unlocks Cairn.',
      );
    if (!this.options.enforced)
      throw new ValidationError('lock_not_enforced', 'The command line is not locked.');
    if (!this.locked) this.setLocked('manual');
    return this.status();
  }

  unlock(passcode: string): Promise<LockStatus> {
    const attempt = this.attempts.then(() => this.tryPasscode(passcode));
    this.attempts = attempt.catch(() => undefined);
    return attempt;
  }

  async unlockWithSystem(): Promise<LockStatus> {
    const system = this.options.systemUnlock;
    if (!this.options.enforced || !system?.available())
      throw new ValidationError(
        'system_unlock_unavailable',
        'This computer offers no system unlock for Cairn. Use your passcode.',
      );
    if (!(await system.prompt('unlock Cairn')))
      throw new ValidationError(
        'system_unlock_failed',
        'The system did not confirm it is you. Try again, or use your passcode.',
      );
    this.setUnlocked('system');
    return this.status();
  }

  /** Sets, changes or removes the passcode; an existing one must be given first. */
  async setPasscode(current: string | undefined, next: string | null): Promise<LockStatus> {
    const existing = readPasscode(this.options.db);
    if (existing) {
      await this.unlock(current ?? '');
    } else if (next === null) {
      throw new ValidationError('no_passcode', 'There is no passcode to remove.');
    }
    storePasscode(this.options.db, next === null ? null : await hashPasscode(next));
    const action = next === null ? 'removed' : existing ? 'changed' : 'set';
    this.audit(`access.passcode_${action}`);
    this.noteActivity();
    return this.status();
  }

  /**
   * A forgotten passcode: the CLI, which already needs the OS account and the library's key,
   * removes it so nobody is ever locked out for good. Refused where the lock is enforced.
   */
  clearForgottenPasscode(): void {
    if (this.options.enforced)
      throw new ValidationError('lock_enforced', 'Remove the passcode in Settings instead.');
    storePasscode(this.options.db, null);
    this.audit('access.passcode_cleared');
  }

  private async tryPasscode(passcode: string): Promise<LockStatus> {
    const wait = this.retryAt - this.options.now();
    if (wait > 0)
      throw new TransientError(
        'unlock_wait',
        `Too many wrong passcodes. Try again in ${Math.ceil(wait / 1000)} seconds.`,
      );
    const record = readPasscode(this.options.db);
    if (record && !(await passcodeMatches(record, passcode))) {
      this.wrongTries += 1;
      if (this.wrongTries >= FREE_TRIES)
        this.retryAt =
          this.options.now() +
          Math.min(FIRST_WAIT_MS * 2 ** (this.wrongTries - FREE_TRIES), LONGEST_WAIT_MS);
      storeUnlockFailures(this.options.db, { wrongTries: this.wrongTries, retryAt: this.retryAt });
      this.audit('access.unlock_failed', { wrongTries: this.wrongTries });
      const waitNote =
        this.retryAt > this.options.now()
          ? ` After ${this.wrongTries} wrong tries, wait ${Math.ceil((this.retryAt - this.options.now()) / 1000)} seconds before the next.`
          : '';
      throw new ValidationError(
        'wrong_passcode',
        `That passcode is not right. Check Caps Lock and try again.${waitNote}`,
      );
    }
    this.wrongTries = 0;
    this.retryAt = 0;
    storeUnlockFailures(this.options.db, { wrongTries: 0, retryAt: 0 });
    if (this.locked) this.setUnlocked('passcode');
    return this.status();
  }

  private noteActivity(): void {
    this.lastActivity = this.options.now();
    this.loggedOff = false;
  }

  private setLocked(reason: Exclude<LockReason, 'unlocked' | 'logoff'>): void {
    this.locked = true;
    this.audit('access.locked', { reason });
    this.options.onAccessEnded();
    this.options.events.emit('lock.changed', { locked: true, reason });
  }

  private setUnlocked(method: 'passcode' | 'system'): void {
    this.locked = false;
    this.noteActivity();
    this.audit('access.unlocked', { method });
    this.options.events.emit('lock.changed', { locked: false, reason: 'unlocked' });
  }

  private audit(action: string, detail?: Record<string, string | number>): void {
    recordAudit(this.options.db, {
      actor: this.options.actor,
      action,
      entityType: 'access',
      detail,
    });
  }
}

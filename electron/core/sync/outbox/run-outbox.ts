import { ExponentialBackoff, handleWhen, retry } from 'cockatiel';
import { readSetting } from '../../config/settings';
import { TransientError, ValidationError, toCairnError } from '../../errors';
import type { Db } from '../../store/open-database';
import { recordAudit } from '../../store/repositories/audit';
import {
  countOutboxAttempt,
  markOutboxBlocked,
  markOutboxFailed,
  markOutboxUploaded,
  pendingOutboxItems,
  type OutboxRow,
} from '../../store/repositories/sync-outbox';
import { atomically } from '../../store/repositories/types';
import { S3Target, configurationProblem, readS3Config } from '../s3/s3-target';
import { sweepApprovedSessions } from './enqueue';
import { scanPayload } from './scan-payload';

export interface OutboxRetryOptions {
  /** Tries per item within one pass (first included), for transient failures only. */
  maxAttempts?: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

export interface OutboxPassOptions {
  actor: string;
  /** The background worker waits out an item's backoff; an explicit `sync run` tries everything now. */
  respectBackoff: boolean;
  signal?: AbortSignal;
  retry?: OutboxRetryOptions;
  onError?: (error: unknown) => void;
}

export interface OutboxPassResult {
  enqueued: number;
  uploaded: number;
  blocked: number;
  failed: number;
  /** Still waiting after this pass. */
  pending: number;
  /** Why the pass stopped early or items failed, for the clinician; null when all went. */
  error: { code: string; message: string } | null;
}

/** Between passes: 30 s after the first failure, doubling, at most an hour. */
export function nextAttemptDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(attempts - 1, 0), 3_600_000);
}

/**
 * One pass over the outbox: queue approved sessions not yet queued, then for each pending item
 * re-scan its exact bytes (blocked if anything identifying is found) and upload it under its
 * deterministic key. An item is marked uploaded only after the store confirmed it; a process
 * killed in between uploads it again next time, to the same key, so the bucket holds it once.
 * Does nothing at all, no connection either, while sharing is off.
 */
export async function runOutboxPass(db: Db, options: OutboxPassOptions): Promise<OutboxPassResult> {
  const result: OutboxPassResult = {
    enqueued: 0,
    uploaded: 0,
    blocked: 0,
    failed: 0,
    pending: 0,
    error: null,
  };
  if (!readSetting(db, 'syncEnabled')) {
    result.error = {
      code: 'sync_disabled',
      message:
        'Sharing is off. Turn it on in Settings → Sharing (S3) (cairn settings syncEnabled true).',
    };
    return result;
  }
  const config = readS3Config(db);
  const problem = configurationProblem(config);
  result.enqueued = sweepApprovedSessions(db, options.onError);
  if (problem) {
    result.error = { code: 'sync_not_configured', message: problem };
    result.pending = pendingOutboxItems(db).length;
    return result;
  }
  const due = pendingOutboxItems(db, options.respectBackoff ? Date.now() : undefined);
  const target = due.length > 0 ? new S3Target(config) : undefined;
  try {
    for (const item of due) {
      if (options.signal?.aborted || !target) break;
      const outcome = await sendItem(db, target, item, options);
      result[outcome.status] += 1;
      if (outcome.error) result.error = outcome.error;
      // Wrong keys or bucket fail every item the same way: stop instead of hammering the store.
      if (outcome.error && outcome.stopPass) break;
    }
  } finally {
    target?.close();
  }
  result.pending = pendingOutboxItems(db).length;
  return result;
}

interface ItemOutcome {
  status: 'uploaded' | 'blocked' | 'failed';
  error?: { code: string; message: string };
  stopPass?: boolean;
}

async function sendItem(
  db: Db,
  target: S3Target,
  item: OutboxRow,
  options: OutboxPassOptions,
): Promise<ItemOutcome> {
  const scan = scanPayload(db, item.sessionId, item.payload);
  if (!scan.clean) {
    atomically(db, (tx) => {
      markOutboxBlocked(
        tx,
        item.id,
        scan.categories,
        `Not shared: the payload still contains ${scan.count} identifier${scan.count === 1 ? '' : 's'} (${scan.categories.join(', ')}). Check the signed note and the session's names; it stays on this computer.`,
      );
      recordAudit(tx, {
        actor: options.actor,
        action: 'sync.blocked',
        entityType: 'session',
        entityId: item.sessionId,
        detail: {
          item: item.id,
          kind: item.kind,
          categories: scan.categories.join(','),
          count: scan.count,
        },
      });
    });
    return { status: 'blocked' };
  }
  const policy = retry(
    handleWhen((error) => error instanceof TransientError),
    {
      maxAttempts: (options.retry?.maxAttempts ?? 3) - 1,
      backoff: new ExponentialBackoff({
        initialDelay: options.retry?.initialDelayMs ?? 1000,
        maxDelay: options.retry?.maxDelayMs ?? 10_000,
      }),
    },
  );
  let attempts = item.attempts;
  try {
    await policy.execute(async (context) => {
      countOutboxAttempt(db, item.id);
      attempts += 1;
      await target.put(item.objectKey, item.payload, context.signal);
    }, options.signal);
  } catch (error) {
    // Shutting down is not the item's failure: it stays pending, with no backoff.
    if (options.signal?.aborted) return { status: 'failed', stopPass: true };
    const failure = toCairnError(error);
    markOutboxFailed(db, item.id, {
      message: failure.userMessage,
      nextAttemptAt: Date.now() + nextAttemptDelayMs(attempts),
    });
    return {
      status: 'failed',
      error: { code: failure.code, message: failure.userMessage },
      stopPass: failure.category === 'permanent' || failure instanceof ValidationError,
    };
  }
  atomically(db, (tx) => {
    markOutboxUploaded(tx, item.id);
    recordAudit(tx, {
      actor: options.actor,
      action: 'sync.uploaded',
      entityType: 'session',
      entityId: item.sessionId,
      detail: { item: item.id, kind: item.kind, attempts },
    });
  });
  return { status: 'uploaded' };
}

import { readSetting } from '../../config/settings';
import { approvedSessionsNotQueued, enqueueOutboxItem } from '../../store/repositories/sync-outbox';
import { atomically, type DbOrTx } from '../../store/repositories/types';
import { ABSTRACT_KIND, ABSTRACT_VERSION, buildSessionAbstract } from '../abstract/build-abstract';

/**
 * Queues the session's abstract when sharing is on; called inside the approval's transaction, so
 * the approval and its queued upload commit together or not at all. Returns whether it queued.
 */
export function enqueueIfSharing(tx: DbOrTx, sessionId: string): boolean {
  if (!readSetting(tx, 'syncEnabled')) return false;
  return enqueueSessionAbstract(tx, sessionId);
}

export function enqueueSessionAbstract(db: DbOrTx, sessionId: string): boolean {
  const built = buildSessionAbstract(db, sessionId);
  if (!built) return false;
  return enqueueOutboxItem(db, {
    sessionId,
    kind: built.kind,
    version: built.version,
    objectKey: built.objectKey,
    payload: built.payload,
  });
}

/**
 * Approved sessions with nothing queued: approved before sharing was switched on, or by an older
 * Cairn. Each in its own transaction, so one damaged session does not hold up the others.
 */
export function sweepApprovedSessions(db: DbOrTx, onError?: (error: unknown) => void): number {
  let queued = 0;
  for (const sessionId of approvedSessionsNotQueued(db, ABSTRACT_KIND, ABSTRACT_VERSION)) {
    try {
      if (atomically(db, (tx) => enqueueSessionAbstract(tx, sessionId))) queued += 1;
    } catch (error) {
      onError?.(error);
    }
  }
  return queued;
}

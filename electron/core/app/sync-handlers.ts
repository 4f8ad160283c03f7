import type { SessionSyncStatus, SyncStatus } from '../../../shared/api/sync-schemas';
import { readSetting } from '../config/settings';
import { ValidationError } from '../errors';
import type { Db } from '../store/open-database';
import {
  blockedOutboxItems,
  latestPendingError,
  outboxCounts,
  outboxItemsOfSession,
} from '../store/repositories/sync-outbox';
import { ABSTRACT_KIND } from '../sync/abstract/build-abstract';
import { S3Target, configurationProblem, readS3Config } from '../sync/s3/s3-target';
import type { SyncService } from '../sync/sync-service';
import type { Handlers } from './handlers';

type SyncHandlers = Pick<Handlers, 'sync.status' | 'sync.run' | 'sync.testConnection'>;

/** Sharing's part of the API: what is waiting, what went, what was blocked and why. */
export function createSyncHandlers(context: { db: Db; sync: SyncService }): SyncHandlers {
  const { db, sync } = context;
  return {
    'sync.status': ({ sessionId }) => syncStatus(db, sync, sessionId),
    'sync.run': async () => {
      if (!readSetting(db, 'syncEnabled'))
        throw new ValidationError(
          'sync_disabled',
          'Sharing is off. Turn it on in Settings → Sharing (S3) (cairn settings syncEnabled true).',
        );
      return sync.runNow();
    },
    'sync.testConnection': async () => {
      // Even a test is a connection: none is made while sharing is off.
      if (!readSetting(db, 'syncEnabled'))
        throw new ValidationError(
          'sync_disabled',
          'Sharing is off: turn it on first, then test the connection.',
        );
      const config = readS3Config(db);
      const problem = configurationProblem(config);
      if (problem) return { ok: false, message: problem };
      const target = new S3Target(config);
      try {
        await target.check();
        return { ok: true, message: `Connected: Cairn can reach the bucket "${config.bucket}".` };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      } finally {
        target.close();
      }
    },
  };
}

function syncStatus(db: Db, sync: SyncService, sessionId?: string): SyncStatus {
  const enabled = readSetting(db, 'syncEnabled');
  const problem = enabled ? configurationProblem(readS3Config(db)) : null;
  const counts = outboxCounts(db);
  const failing = latestPendingError(db);
  const blocked = blockedOutboxItems(db).map((row) => ({
    itemId: row.id,
    sessionId: row.sessionId,
    kind: row.kind,
    categories: row.blockedCategories ? row.blockedCategories.split(',') : [],
    at: row.updatedAt,
  }));
  return {
    enabled,
    configurationProblem: problem,
    counts,
    running: sync.isRunning,
    lastError: failing?.lastError ? { message: failing.lastError, at: failing.updatedAt } : null,
    nextStep: nextStep(enabled, problem, failing?.lastError ?? null, counts.blocked),
    lastRun: sync.lastPass ?? null,
    blocked,
    session: sessionId === undefined ? null : sessionStatus(db, sessionId),
  };
}

function nextStep(
  enabled: boolean,
  problem: string | null,
  lastError: string | null,
  blocked: number,
): string | null {
  if (!enabled) return null;
  if (problem) return problem;
  if (lastError) return lastError;
  if (blocked > 0)
    return `${blocked} abstract${blocked === 1 ? ' was' : 's were'} blocked because identifiers remained; they stay on this computer. Check the names in those sessions' signed notes.`;
  return null;
}

function sessionStatus(db: Db, sessionId: string): SessionSyncStatus {
  const item = outboxItemsOfSession(db, sessionId).find((row) => row.kind === ABSTRACT_KIND);
  if (!item)
    return { status: 'not_queued', attempts: 0, lastError: null, categories: [], uploadedAt: null };
  return {
    status: item.status,
    attempts: item.attempts,
    lastError: item.lastError,
    categories: item.blockedCategories ? item.blockedCategories.split(',') : [],
    uploadedAt: item.uploadedAt,
  };
}

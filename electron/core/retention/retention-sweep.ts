import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RetentionSweepResult } from '../../../shared/api/data-schemas';
import { cachedPeaksFile } from '../audio/peaks/waveform-peaks';
import type { DataLayout } from '../config/data-dir';
import type { EventBus } from '../app/event-bus';
import { sessionWorkDir } from '../pipeline/run-pipeline';
import { transaction } from '../pipeline/stage-runner';
import type { Db } from '../store/open-database';
import { recordAudit } from '../store/repositories/audit';
import { liveRunForSession } from '../store/repositories/runs';
import {
  deleteTranscriptText,
  markAudioDeleted,
  recordingsWithDeletedAudio,
  transcriptSize,
} from '../store/repositories/retention';
import { dueForDeletion, readRetentionPolicy, type RetentionPolicy } from './retention-due';

export interface RetentionDeps {
  db: Db;
  layout: DataLayout;
  actor: string;
  events?: EventBus;
}

/**
 * Applies the practice's retention policy. Each deletion is first marked in the database, in the
 * same transaction as its audit entry (and after checking that no queued or running run needs
 * the session), and only then are files removed. A sweep interrupted between the two leaves a
 * marked recording whose files the next sweep removes; a second sweep finds nothing new to do.
 */
export async function sweepRetention(
  deps: RetentionDeps,
  options: { dryRun?: boolean; now?: number } = {},
): Promise<RetentionSweepResult> {
  const { db } = deps;
  const now = options.now ?? Date.now();
  const dryRun = options.dryRun ?? false;
  const policy = readRetentionPolicy(db);
  const due = dueForDeletion(db, policy, now);
  const result: RetentionSweepResult = {
    dryRun,
    policy,
    audioDeleted: [],
    transcriptsDeleted: [],
    skippedBusy: [],
    filesRemoved: 0,
  };
  const skip = (sessionId: string) => {
    if (!result.skippedBusy.includes(sessionId)) result.skippedBusy.push(sessionId);
  };
  for (const item of due.audio) {
    if (dryRun) {
      if (liveRunForSession(db, item.sessionId)) skip(item.sessionId);
      else result.audioDeleted.push(item);
      continue;
    }
    const outcome = markAudio(deps, item, policy, now);
    if (outcome === 'busy') skip(item.sessionId);
    if (outcome === 'marked') result.audioDeleted.push(item);
  }
  for (const sessionId of due.transcripts) {
    if (dryRun) {
      if (liveRunForSession(db, sessionId)) skip(sessionId);
      else result.transcriptsDeleted.push({ sessionId, ...transcriptSize(db, sessionId) });
      continue;
    }
    const deleted = deleteTranscript(deps, sessionId, policy, now);
    if (deleted === 'busy') skip(sessionId);
    else if (deleted) result.transcriptsDeleted.push({ sessionId, ...deleted });
  }
  if (!dryRun) result.filesRemoved = await removeDeletedAudioFiles(deps);
  const changed = new Set([
    ...result.audioDeleted.map((a) => a.sessionId),
    ...result.transcriptsDeleted.map((t) => t.sessionId),
  ]);
  if (!dryRun)
    for (const sessionId of changed) deps.events?.emit('sessions.changed', { sessionId });
  return result;
}

/** Marks one recording's audio deleted, with its audit entry; refused while a run needs it. */
function markAudio(
  deps: RetentionDeps,
  item: { sessionId: string; recordingId: string },
  policy: RetentionPolicy,
  now: number,
): 'marked' | 'busy' | 'gone' {
  return transaction(deps.db, (tx) => {
    if (liveRunForSession(tx, item.sessionId)) return 'busy';
    if (!markAudioDeleted(tx, item.recordingId, now)) return 'gone';
    recordAudit(tx, {
      actor: deps.actor,
      action: 'retention.audio_deleted',
      entityType: 'recording',
      entityId: item.recordingId,
      detail: { session: item.sessionId, policy: policy.rawAudio, graceDays: policy.graceDays },
    });
    return 'marked';
  });
}

/**
 * Blanks the transcript's text and removes its correction history in one transaction. The
 * segment rows stay (times and speakers, no words): the approved note cites them by id, and the
 * speakers' talk-time statistics are computed from them.
 */
function deleteTranscript(
  deps: RetentionDeps,
  sessionId: string,
  policy: RetentionPolicy,
  now: number,
): { segments: number; revisions: number } | 'busy' | null {
  return transaction(deps.db, (tx) => {
    if (liveRunForSession(tx, sessionId)) return 'busy';
    const deleted = deleteTranscriptText(tx, sessionId, now);
    if (!deleted) return null;
    const { segments, revisions } = deleted;
    recordAudit(tx, {
      actor: deps.actor,
      action: 'retention.transcript_deleted',
      entityType: 'session',
      entityId: sessionId,
      detail: { policy: policy.transcripts, graceDays: policy.graceDays, segments, revisions },
    });
    return { segments, revisions };
  });
}

/**
 * Every file of audio the database says is deleted: the stored recording (its path from the row),
 * the session's work folder (prepared audio) and the waveform computed from it. Runs every sweep,
 * so what an interrupted sweep left is removed now. A work folder in use by a run (a notes-only
 * run of a session without audio) is left for a later sweep.
 */
async function removeDeletedAudioFiles(deps: RetentionDeps): Promise<number> {
  const { db, layout } = deps;
  const deleted = recordingsWithDeletedAudio(db);
  let removed = 0;
  for (const recording of deleted) {
    const files = [
      path.join(layout.root, recording.storedPath),
      cachedPeaksFile(path.join(layout.cache, 'peaks'), recording.id),
    ];
    if (!liveRunForSession(db, recording.sessionId))
      files.push(sessionWorkDir(layout, recording.sessionId));
    for (const file of files) {
      if (!(await stat(file).catch(() => undefined))) continue;
      await rm(file, { recursive: true, force: true });
      removed += 1;
    }
  }
  return removed;
}

import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { RecordingInfo } from '../../../../shared/api/schemas';
import { recordings } from '../schema';
import type { DbOrTx } from './types';

export interface NewRecording {
  sessionId: string;
  contentHash: string;
  originalName: string;
  format: string;
  sizeBytes: number;
  storedPath: string;
  durationSec?: number | null;
}

const recordingColumns = {
  id: recordings.id,
  sessionId: recordings.sessionId,
  contentHash: recordings.contentHash,
  originalName: recordings.originalName,
  format: recordings.format,
  durationSec: recordings.durationSec,
  sizeBytes: recordings.sizeBytes,
  storedPath: recordings.storedPath,
  audioDeletedAt: recordings.audioDeletedAt,
};

export function findRecordingByHash(db: DbOrTx, contentHash: string) {
  return db
    .select(recordingColumns)
    .from(recordings)
    .where(eq(recordings.contentHash, contentHash))
    .get();
}

export function findRecordingForSession(db: DbOrTx, sessionId: string): RecordingInfo | undefined {
  const row = db
    .select(recordingColumns)
    .from(recordings)
    .where(eq(recordings.sessionId, sessionId))
    .get();
  if (!row) return undefined;
  const { sessionId: _sessionId, ...info } = row;
  return info;
}

export function insertRecording(db: DbOrTx, recording: NewRecording): string {
  const id = randomUUID();
  db.insert(recordings)
    .values({ id, ...recording, durationSec: recording.durationSec ?? null })
    .run();
  return id;
}

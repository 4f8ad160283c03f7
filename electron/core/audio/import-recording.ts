import { constants } from 'node:fs';
import { access, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImportRecordingInput, ImportRecordingResult } from '../../../shared/api/schemas';
import type { DataLayout } from '../config/data-dir';
import { ValidationError } from '../errors';
import type { Db } from '../store/open-database';
import { storeRecordingFile } from '../store/recording-files';
import { recordAudit } from '../store/repositories/audit';
import { findOrCreateClient } from '../store/repositories/clients';
import { findRecordingByHash, insertRecording } from '../store/repositories/recordings';
import { createSession } from '../store/repositories/sessions';

export interface ImportContext {
  db: Db;
  layout: DataLayout;
  actor: string;
  /** Today's date for sessions imported without one; injectable for tests. */
  today?: () => string;
}

/**
 * Brings a clinician's recording into Cairn: checks the file, copies it into the data directory
 * by content, and creates the client, session and recording rows in one transaction.
 * Importing the same content again returns the session it already belongs to.
 */
export async function importRecording(
  context: ImportContext,
  input: ImportRecordingInput,
): Promise<ImportRecordingResult> {
  const source = path.resolve(input.path);
  await checkSourceFile(source);
  const stored = await storeRecordingFile(context.layout, source);
  try {
    return context.db.transaction((tx) => {
      const existing = findRecordingByHash(tx, stored.contentHash);
      if (existing) {
        return { sessionId: existing.sessionId, recordingId: existing.id, alreadyImported: true };
      }
      const client = input.clientName ? findOrCreateClient(tx, input.clientName) : undefined;
      if (client?.created) {
        recordAudit(tx, {
          actor: context.actor,
          action: 'create',
          entityType: 'client',
          entityId: client.id,
        });
      }
      const sessionId = createSession(tx, {
        clientId: client?.id ?? null,
        date: input.date ?? (context.today ?? localToday)(),
        kind: input.kind ?? 'individual',
      });
      const recordingId = insertRecording(tx, {
        sessionId,
        contentHash: stored.contentHash,
        originalName: path.basename(source),
        format: path.extname(source).slice(1).toLowerCase(),
        sizeBytes: stored.sizeBytes,
        storedPath: stored.relativePath,
      });
      recordAudit(tx, {
        actor: context.actor,
        action: 'import',
        entityType: 'recording',
        entityId: recordingId,
        detail: { sessionId, sizeBytes: stored.sizeBytes },
      });
      return { sessionId, recordingId, alreadyImported: false };
    });
  } catch (error) {
    // A failed import leaves nothing behind: remove the file we placed unless a row (maybe a
    // concurrent import of the same content) points at it.
    if (stored.placedNew && !findRecordingByHash(context.db, stored.contentHash)) {
      await rm(stored.absolutePath, { force: true });
    }
    throw error;
  }
}

/** Refuses, with a message for the clinician, anything that is not a readable, non-empty file. */
export async function checkSourceFile(source: string): Promise<void> {
  const info = await stat(source).catch((caught: unknown) => {
    const error = caught as NodeJS.ErrnoException;
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
      throw new ValidationError('file_not_found', `There is no file at ${source}.`);
    }
    throw new ValidationError(
      'file_unreadable',
      `Cairn cannot read ${source} (${error.code ?? error.message}).`,
    );
  });
  if (info.isDirectory()) {
    throw new ValidationError(
      'not_a_file',
      `${source} is a folder, not a recording. Choose an audio or video file.`,
    );
  }
  if (!info.isFile()) {
    throw new ValidationError(
      'not_a_file',
      `${source} is not a regular file. Choose an audio or video file.`,
    );
  }
  if (info.size === 0) {
    throw new ValidationError('empty_file', `${source} is empty: it holds no recording.`);
  }
  await access(source, constants.R_OK).catch(() => {
    throw new ValidationError(
      'file_unreadable',
      `Cairn is not allowed to read ${source}. Check the file's permissions.`,
    );
  });
}

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

import { rm } from 'node:fs/promises';
import path from 'node:path';
import { localToday } from '../../../../shared/domain/local-day';
import type { ImportRecordingInput, ImportRecordingResult } from '../../../../shared/api/schemas';
import type { DataLayout } from '../../config/data-dir';
import { ValidationError } from '../../errors';
import type { Db } from '../../store/open-database';
import { storeRecordingFile } from '../../store/recording-files';
import { recordAudit } from '../../store/repositories/audit';
import { findOrCreateClient } from '../../store/repositories/clients';
import { findRecordingByHash, insertRecording } from '../../store/repositories/recordings';
import { createSession } from '../../store/repositories/sessions';
import { validateRecording, type ValidationOptions } from './validate-recording';

export interface ImportContext {
  db: Db;
  layout: DataLayout;
  /** The stored copy is encrypted with it (see security/file-crypto). */
  libraryKey: Buffer;
  actor: string;
  /** Today's date for sessions imported without one; injectable for tests. */
  today?: () => string;
  /** Size limit and other validation choices (Settings). */
  validation?: Omit<ValidationOptions, 'signal' | 'allowTruncated'>;
  /** Runs between validation and copying; lets a test remove the file at that moment. */
  afterValidation?: () => Promise<void>;
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
  const recording = await validateRecording(input.path, {
    ...context.validation,
    allowTruncated: input.acceptTruncated,
  });
  await context.afterValidation?.();
  const source = recording.path;
  const stored = await storeRecordingFile(context.layout, context.libraryKey, source).catch(
    (error: unknown) => {
      // The file was there a moment ago: it was moved or deleted while Cairn copied it.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new ValidationError(
          'file_vanished',
          `${path.basename(source)} was moved or deleted while Cairn was importing it. Nothing was imported.`,
        );
      }
      throw error;
    },
  );
  try {
    return context.db.transaction(
      (tx) => {
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
          format: recording.container,
          durationSec: recording.durationSec,
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
        // IMMEDIATE: it reads, then writes; a deferred transaction would fail ("database is
        // locked", without waiting) when another process imports at the same moment.
      },
      { behavior: 'immediate' },
    );
  } catch (error) {
    // A failed import leaves nothing behind: remove the file we placed unless a row (maybe a
    // concurrent import of the same content) points at it.
    if (stored.placedNew && !findRecordingByHash(context.db, stored.contentHash)) {
      await rm(stored.absolutePath, { force: true });
    }
    throw error;
  }
}

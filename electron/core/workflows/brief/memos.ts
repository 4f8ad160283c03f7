import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { validateRecording } from '../../audio/intake/validate-recording';
import { runFfmpeg } from '../../audio/ffmpeg/run-ffmpeg';
import type { DataLayout } from '../../config/data-dir';
import { CairnError, CancelledError, ValidationError } from '../../errors';
import { transcriptionChoice } from '../../pipeline/stages/engine-stages';
import type { StageContext } from '../../pipeline/stage-definition';
import { storeRecordingFile } from '../../store/recording-files';
import { recordAudit } from '../../store/repositories/audit';
import { getSessionRow } from '../../store/repositories/sessions';
import type { DbOrTx } from '../../store/repositories/types';
import { withPlainCopy } from '../../store/stored-files';
import { briefMemos } from '../../store/schema-workflows';
import { transcribeWav } from '../../transcribe/transcribe';

/** A memo is a few spoken minutes before a session, not a session. */
export const MAX_MEMO_SEC = 10 * 60;

export type MemoRow = typeof briefMemos.$inferSelect;

/**
 * Files a voice memo with a session a brief prepares for: checked like any recording, stored
 * encrypted in the library, transcribed by the brief's next run.
 */
export async function addMemo(
  context: { db: DbOrTx; layout: DataLayout; libraryKey: Buffer; actor: string },
  sessionId: string,
  file: string,
): Promise<{ memoId: string; durationSec: number }> {
  const session = getSessionRow(context.db, sessionId);
  if (!session)
    throw new ValidationError('session_not_found', `There is no session with id ${sessionId}.`);
  if (!session.clientId)
    throw new ValidationError(
      'session_without_client',
      'This session has no client yet. Choose the client first; a memo goes with their brief.',
    );
  const clientId = session.clientId;
  const memo = await validateRecording(file);
  if (memo.durationSec > MAX_MEMO_SEC)
    throw new ValidationError(
      'memo_too_long',
      `${path.basename(file)} is ${Math.round(memo.durationSec / 60)} minutes long; a memo is at most ${MAX_MEMO_SEC / 60}. Import a session recording with cairn import instead.`,
    );
  const stored = await storeRecordingFile(context.layout, context.libraryKey, memo.path);
  const memoId = randomUUID();
  context.db.transaction((tx) => {
    tx.insert(briefMemos)
      .values({
        id: memoId,
        sessionId,
        clientId,
        storedPath: stored.relativePath,
        originalName: path.basename(file),
        durationSec: memo.durationSec,
      })
      .run();
    recordAudit(tx, {
      actor: context.actor,
      action: 'brief.memo_added',
      entityType: 'session',
      entityId: sessionId,
      detail: { memo: memoId },
    });
  });
  return { memoId, durationSec: memo.durationSec };
}

export function memosOf(db: DbOrTx, sessionId: string): MemoRow[] {
  return db
    .select()
    .from(briefMemos)
    .where(eq(briefMemos.sessionId, sessionId))
    .orderBy(asc(briefMemos.createdAt))
    .all();
}

export interface MemoTranscript {
  memoId: string;
  transcript: string | null;
  model: string | null;
  problem: string | null;
}

/**
 * A memo's words: decrypted into a private workspace, made 16 kHz mono by ffmpeg and read by
 * Whisper with the library's model and language. A memo that cannot be read (no Whisper model,
 * a damaged file) is a problem to show in the brief, never a failed brief.
 */
export async function transcribeMemo(
  context: StageContext,
  memo: MemoRow,
): Promise<MemoTranscript> {
  const stored = path.join(context.layout.root, memo.storedPath);
  try {
    return await withPlainCopy(
      context.layout,
      context.libraryKey,
      stored,
      memo.originalName,
      async (plain, workspace) => {
        // Not the memo's own name: a memo.wav would be its own output.
        const wav = path.join(workspace, 'prepared-16k-mono.wav');
        await runFfmpeg(
          plain,
          (command) =>
            command
              .noVideo()
              .audioChannels(1)
              .audioFrequency(16_000)
              .audioCodec('pcm_s16le')
              .output(wav),
          { signal: context.signal },
        );
        const transcript = await transcribeWav(
          wav,
          { ...transcriptionChoice(context), tempDir: workspace, signal: context.signal },
          { modelsDir: context.modelsDir, resourcesDir: context.resourcesDir },
        );
        const text = transcript.segments
          .map((s) => s.text.trim())
          .filter(Boolean)
          .join(' ');
        return { memoId: memo.id, transcript: text, model: transcript.model, problem: null };
      },
    );
  } catch (error) {
    if (context.signal.aborted || error instanceof CancelledError) throw new CancelledError();
    const reason = error instanceof CairnError ? error.userMessage : String(error);
    return { memoId: memo.id, transcript: null, model: null, problem: reason };
  }
}

/** Stores what the brief's first stage read from the memos, in that stage's commit. */
export function saveMemoTranscripts(tx: DbOrTx, transcripts: readonly MemoTranscript[]): void {
  for (const t of transcripts)
    tx.update(briefMemos)
      .set({ transcript: t.transcript, model: t.model, problem: t.problem })
      .where(eq(briefMemos.id, t.memoId))
      .run();
}

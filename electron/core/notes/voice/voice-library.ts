import type { NoteContent } from '../../../../shared/api/note-schemas';
import { readSetting } from '../../config/settings';
import { recordAudit } from '../../store/repositories/audit';
import { getNote } from '../../store/repositories/notes';
import type { DbOrTx } from '../../store/repositories/types';
import {
  forgetVoiceExamples,
  saveVoiceExample,
  voiceExamplesOf,
} from '../../store/repositories/voice-examples';
import { voiceGuide, type VoiceGuide } from './voice-guide';
import { statementsText } from './words';

/**
 * The clinician's voice in the library: examples kept when a note is signed, read back for new
 * drafts of the same template, forgotten on request. The voiceLearning setting gates all three
 * (off: nothing kept, nothing used). Examples are PHI and stay in the encrypted library: sync
 * sends only abstracts built from signed notes, and exports read notes, never this table.
 */

/** Sections the clinician rewrote before signing: both texts non-empty and different. */
export function rewrittenSections(
  ai: NoteContent,
  final: NoteContent,
): { sectionKey: string; aiText: string; finalText: string }[] {
  return ai.sections.flatMap((section) => {
    const aiText = statementsText(section.items);
    const finalText = statementsText(
      final.sections.find((s) => s.key === section.key)?.items ?? [],
    );
    if (!aiText || !finalText || aiText === finalText) return [];
    return [{ sectionKey: section.key, aiText, finalText }];
  });
}

/** Inside the signing transaction: the signed note's rewritten sections kept; how many. */
export function learnFromSignedNote(tx: DbOrTx, noteId: string, author: string): number {
  if (!readSetting(tx, 'voiceLearning')) return 0;
  const note = getNote(tx, noteId);
  if (!note?.ai || !note.clinician) return 0;
  let kept = 0;
  for (const pair of rewrittenSections(note.ai.content, note.clinician.content))
    if (
      saveVoiceExample(tx, {
        ...pair,
        noteId,
        sessionId: note.sessionId,
        templateId: note.templateId,
        author,
      })
    )
      kept += 1;
  return kept;
}

/** What new drafts of this template learn; null when learning is off or nothing is learned. */
export function voiceGuideFor(db: DbOrTx, templateId: string): VoiceGuide | null {
  if (!readSetting(db, 'voiceLearning')) return null;
  return voiceGuide(voiceExamplesOf(db, templateId));
}

/** "Forget what Cairn learned": every example deleted, and the deletion audited (a count only). */
export function forgetVoice(tx: DbOrTx, actor: string): number {
  const deleted = forgetVoiceExamples(tx);
  recordAudit(tx, {
    actor,
    action: 'voice.forgotten',
    entityType: 'settings',
    entityId: 'voiceLearning',
    detail: { examples: deleted },
  });
  return deleted;
}

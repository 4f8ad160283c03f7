import type { Db } from '../../electron/core/store/open-database';
import { findOrCreateClient } from '../../electron/core/store/repositories/clients';
import { saveAiDraft } from '../../electron/core/store/repositories/notes';
import { createSession, setSessionStatus } from '../../electron/core/store/repositories/sessions';
import type { NoteContent, NoteItem } from '../../shared/api/note-schemas';
import { STORED_DRAFT_GENERATION, seedTranscript } from './notes';

/** A session with jargon, a passive-ideation remark, homework and the next appointment. */
export const REFINE_SESSION: readonly (readonly ['clinician' | 'client', string])[] = [
  ['clinician', 'How has your week been since we last met?'],
  ['client', 'I kept ruminating about work and my sleep was poor most nights.'],
  ['clinician', 'Today we practised cognitive restructuring with the thought record.'],
  ['client', 'Some nights I wish I could just not wake up.'],
  ['clinician', 'Are you safe right now?'],
  ['client', 'Yes, I would not act on it.'],
  ['clinician', 'For homework, keep a thought record every evening this week.'],
  ['clinician', 'We will meet again next Tuesday at ten.'],
];

/** The wish-not-to-wake statement: what refinement must never lose. */
export const RISK_STATEMENT = 'Client said some nights she wishes she could just not wake up.';

/**
 * A draft SOAP note (no model needed) whose plan is long-winded, with a near-repeat and the risk
 * statement in it, and whose subjective section uses jargon; the homework is in no section.
 */
export function seedRefinableNote(
  db: Db,
  name = 'Refine Client',
): {
  sessionId: string;
  noteId: string;
  segmentIds: string[];
} {
  const clientId = findOrCreateClient(db, name).id;
  const sessionId = createSession(db, { clientId, date: '2026-11-03', kind: 'individual' });
  const ids = seedTranscript(db, sessionId, REFINE_SESSION);
  const item = (text: string, line: number, quote: string): NoteItem => ({
    text,
    segmentIds: [ids[line - 1] ?? ''],
    quote,
    fields: {},
    supported: true,
    problems: [],
    origin: 'ai',
  });
  const content: NoteContent = {
    templateId: 'soap',
    templateVersion: 1,
    sections: [
      {
        key: 'subjective',
        title: 'Subjective',
        items: [
          item(
            'Client reported ruminating about work and poor sleep most nights.',
            2,
            'I kept ruminating about work and my sleep was poor most nights',
          ),
        ],
      },
      {
        key: 'objective',
        title: 'Objective',
        items: [item('Client confirmed she is safe right now.', 6, 'Yes, I would not act on it')],
      },
      {
        key: 'assessment',
        title: 'Assessment',
        items: [item(RISK_STATEMENT, 4, 'Some nights I wish I could just not wake up')],
      },
      {
        key: 'plan',
        title: 'Plan',
        items: [
          item(
            'Continue cognitive restructuring with the thought record, which the client found useful, and review it at every session from now on.',
            3,
            'we practised cognitive restructuring with the thought record',
          ),
          item(
            'Continue cognitive restructuring with the thought record.',
            3,
            'we practised cognitive restructuring with the thought record',
          ),
          item(
            'Meet again next Tuesday at ten. The client agreed to the time and will phone if it changes.',
            8,
            'We will meet again next Tuesday at ten',
          ),
          item(RISK_STATEMENT, 4, 'Some nights I wish I could just not wake up'),
          item('Monitor sleep over the coming weeks.', 2, 'my sleep was poor most nights'),
          item('Review progress with work worries.', 2, 'I kept ruminating about work'),
        ],
      },
    ],
  };
  const noteId = saveAiDraft(db, {
    sessionId,
    templateId: 'soap',
    content,
    text: 'seeded',
    generation: STORED_DRAFT_GENERATION,
    author: 'test',
  });
  setSessionStatus(db, sessionId, 'awaiting_review');
  return { sessionId, noteId, segmentIds: ids };
}

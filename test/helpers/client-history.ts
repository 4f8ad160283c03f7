import type { NoteGeneration } from '../../shared/api/note-schemas';
import { createClient } from '../../electron/core/store/repositories/clients';
import { approveNotesOfSession, saveAiDraft } from '../../electron/core/store/repositories/notes';
import {
  acknowledgeRiskFlag,
  addRiskFlag,
} from '../../electron/core/store/repositories/risk-flags';
import { createSession, setSessionStatus } from '../../electron/core/store/repositories/sessions';
import type { DbOrTx } from '../../electron/core/store/repositories/types';
import { noteContentOf, type ScriptedClient } from '../fixtures/clients/scripted-clients';

/** How a note written by hand records its generation (no model). */
export const SIGNED_BY_HAND: NoteGeneration = {
  provider: 'none',
  model: 'none',
  promptVersion: 'test',
  mode: 'extractive',
  chunks: 0,
  promptTokens: 0,
  generatedTokens: 0,
  promptMs: 0,
  generationMs: 0,
  totalMs: 0,
};

/**
 * A scripted client's sessions, each with its note signed (and its risk flags), as the desk leaves
 * them after review. Returns the client's id and the sessions' ids by date.
 */
export function seedClientHistory(
  db: DbOrTx,
  client: ScriptedClient,
): { clientId: string; sessions: Map<string, string> } {
  const clientId = createClient(db, client.name);
  const sessions = new Map<string, string>();
  for (const scripted of client.sessions) {
    const sessionId = createSession(db, { clientId, date: scripted.date, kind: 'individual' });
    const content = noteContentOf(scripted);
    saveAiDraft(db, {
      sessionId,
      templateId: content.templateId,
      content,
      text: content.sections.flatMap((s) => [s.title, ...s.items.map((i) => i.text)]).join('\n'),
      generation: SIGNED_BY_HAND,
      author: 'test',
    });
    for (const flag of scripted.riskFlags ?? []) {
      const id = addRiskFlag(db, { sessionId, runId: null, kind: flag.kind, evidence: {} });
      if (flag.acknowledged) acknowledgeRiskFlag(db, id, 'test');
    }
    approveNotesOfSession(db, sessionId, 'test');
    setSessionStatus(db, sessionId, 'approved');
    sessions.set(scripted.date, sessionId);
  }
  return { clientId, sessions };
}

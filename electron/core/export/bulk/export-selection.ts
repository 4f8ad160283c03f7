import type { BulkExportScope } from '../../../../shared/api/bulk-export-schemas';
import { ValidationError } from '../../errors';
import type { DbOrTx } from '../../store/repositories/types';
import { listClients, requireClient } from '../../store/repositories/clients';
import { listClientSessions, listSessionSummaries } from '../../store/repositories/sessions';
import type { ExportSelection } from './write-export';

/**
 * The records a scope covers, oldest session first. The library: every session (with a client or
 * not) and every client (a client's file carries their plan). One client: their sessions and them.
 */
export function exportSelection(db: DbOrTx, scope: BulkExportScope): ExportSelection {
  if (scope.kind === 'client') {
    const client = requireClient(db, scope.clientId);
    return {
      sessionIds: listClientSessions(db, client.id).map((s) => s.id),
      clientIds: [client.id],
    };
  }
  return {
    sessionIds: listSessionSummaries(db)
      .map((s) => s.id)
      .reverse(),
    clientIds: listClients(db).map((c) => c.id),
  };
}

/** Refuses an export with nothing in it, before a run is queued. */
export function requireSessions(selection: ExportSelection): string[] {
  if (selection.sessionIds.length === 0)
    throw new ValidationError(
      'nothing_to_export',
      'There are no sessions to export here yet. Record or import a session first.',
    );
  return selection.sessionIds;
}

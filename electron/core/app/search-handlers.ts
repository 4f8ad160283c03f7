import { recordAudit } from '../store/repositories/audit';
import type { Db } from '../store/open-database';
import type { SqliteConnection } from '../store/sqlite-driver';
import { SearchService } from '../search/search-service';
import type { Handlers } from './handlers';

type SearchHandlers = Pick<Handlers, 'search.query' | 'search.status' | 'search.reindex'>;

/**
 * Search across the library. The index lives in the library and is kept current by a drain: in
 * the app it runs in the background (and at start, so an interrupted one resumes); a query reads
 * the text of a few just-changed things first wherever it runs. Queries are PHI: never logged or
 * audited; a rebuild is audited by its id only.
 */
export function createSearchHandlers(context: {
  db: Db;
  connection: SqliteConnection;
  actor: string;
  /** Aborted at shutdown: the drain and the encoder's process stop. */
  closing: AbortSignal;
  /** Whether to index in the background (the app: yes; a CLI command: only when it searches). */
  background: boolean;
  onError?: (error: unknown) => void;
}): SearchHandlers {
  const { db, actor, onError } = context;
  const service = new SearchService({ connection: context.connection, onError });
  context.closing.addEventListener('abort', () => void service.close(), { once: true });
  if (context.background) service.start();
  return {
    'search.query': (input) => {
      service.catchUp();
      return service.query(input);
    },
    'search.status': () => service.status(),
    'search.reindex': async () => {
      const { rebuild, done } = service.rebuild(context.closing);
      recordAudit(db, {
        actor,
        action: 'search.reindex_requested',
        entityType: 'library',
        entityId: rebuild.id,
      });
      const audited = done.then((finished) => {
        if (!finished) return;
        const { documents, vectors } = service.status();
        recordAudit(db, {
          actor,
          action: 'search.reindexed',
          entityType: 'library',
          entityId: rebuild.id,
          detail: { documents, vectors },
        });
      });
      // The CLI follows the rebuild to its end (its errors are its exit code); the app answers at
      // once and the desk follows search.status.
      if (!context.background) await audited;
      else
        audited.catch((error: unknown) => {
          // Cancelled at shutdown or failed: the rebuild stays recorded and resumes at next start.
          if (!context.closing.aborted) onError?.(error);
        });
      return { runId: rebuild.id };
    },
  };
}

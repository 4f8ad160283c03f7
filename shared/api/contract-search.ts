import { z } from 'zod';
import { SearchInput, SearchResult, SearchStatus } from './search-schemas';

/** Search across the library, part of the one contract (contract.ts spreads it in). */
export const searchMethods = {
  /** One query, hybrid by default; never opens a connection. */
  'search.query': { input: SearchInput, output: SearchResult },
  /** What the index holds and what is still to index. */
  'search.status': { input: z.object({}), output: SearchStatus },
  /** Rebuilds the whole index as a run (progress as runs.progress, cancellable, resumable). */
  'search.reindex': { input: z.object({}), output: z.object({ runId: z.string() }) },
} as const;

/**
 * How the bench queries: through the API contract (search.query, search.status) as the desk and
 * the CLI do, so a latency is what a clinician waits for (validation, the gate and the audit of
 * the sessions shown included), and the figures do not depend on the engine's insides.
 */
import type { Core } from '../../../electron/core/app/core';
import { call } from '../../../electron/core/cli/call';
import type {
  SearchFilters,
  SearchMode,
  SearchResult,
  SearchStatus,
} from '../../../shared/api/search-schemas';

export interface SearchAdapter {
  query(
    text: string,
    mode: SearchMode,
    filters: SearchFilters | undefined,
    limit: number,
    offset?: number,
  ): Promise<SearchResult>;
  status(): Promise<SearchStatus>;
}

export function contractAdapter(core: Core): SearchAdapter {
  return {
    query: (query, mode, filters, limit, offset = 0) =>
      call(core, 'search.query', { query, mode, filters, limit, sort: 'relevance', offset }),
    status: () => call(core, 'search.status', {}),
  };
}

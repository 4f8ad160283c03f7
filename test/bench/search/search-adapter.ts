/**
 * How the bench talks to search: only through the API contract (search.query, search.status,
 * search.reindex), as the desk and the CLI do, so what is measured is what a clinician waits for
 * (validation and the gate included) and the bench does not depend on the engine's insides.
 */
import type { Core } from '../../../electron/core/app/core';
import {
  SearchResult,
  SearchStatus,
  type SearchFilters,
  type SearchMode,
} from '../../../shared/api/search-schemas';
import { z } from 'zod';

export interface SearchAdapter {
  query(
    text: string,
    mode: SearchMode,
    filters: SearchFilters | undefined,
    limit: number,
  ): Promise<SearchResult>;
  status(): Promise<SearchStatus>;
  /** Rebuilds the whole index and waits for it. */
  reindex(): Promise<void>;
  /** Waits until nothing is left to index (polling search.status). */
  drained(timeoutMs: number): Promise<void>;
}

async function invoke<T>(
  core: Core,
  method: string,
  input: unknown,
  schema: z.ZodType<T>,
): Promise<T> {
  const envelope = await core.invoke(method, input);
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return schema.parse(envelope.value);
}

const POLL_MS = 10;

export function contractAdapter(core: Core): SearchAdapter {
  const adapter: SearchAdapter = {
    query: (text, mode, filters, limit) =>
      invoke(core, 'search.query', { query: text, mode, filters, limit }, SearchResult),
    status: () => invoke(core, 'search.status', {}, SearchStatus),
    reindex: async () => {
      const { runId } = await invoke(core, 'search.reindex', {}, z.object({ runId: z.string() }));
      const run = await core.pipeline.settled(runId);
      if (run.status !== 'completed')
        throw new Error(`search reindex run ${run.status}: ${run.errorMessage ?? ''}`);
    },
    drained: async (timeoutMs) => {
      const until = performance.now() + timeoutMs;
      while ((await adapter.status()).pending > 0) {
        if (performance.now() > until) throw new Error(`index not drained after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    },
  };
  return adapter;
}

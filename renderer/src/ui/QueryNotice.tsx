import type { QueryState } from '../api/use-query';

/** What a page shows while its data loads, or why it could not be loaded. */
export function QueryNotice({ state }: { state: QueryState<unknown> }) {
  if (state.status === 'loading') return <p className="muted">Loading…</p>;
  if (state.status === 'error')
    return (
      <p role="alert" className="error">
        {state.message}
      </p>
    );
  return null;
}

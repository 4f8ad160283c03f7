import { useEffect, useRef, useState } from 'react';
import type { EventName } from '../../../shared/api/contract';
import type { ApiClient } from './client';
import { useApi } from './context';

export type QueryState<T> =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

/**
 * Loads data through the API and reloads it whenever one of `refreshOn` events arrives, so every
 * open view follows changes made elsewhere. `key` names what is loaded (e.g. the session id):
 * a new key loads again.
 */
export function useQuery<T>(
  key: string,
  load: (api: ApiClient) => Promise<T>,
  refreshOn: readonly EventName[],
): QueryState<T> {
  const api = useApi();
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  // The latest `load` without making it an effect dependency: callers pass inline functions.
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    let cancelled = false;
    const run = () => {
      loadRef.current(api).then(
        (data) => {
          if (!cancelled) setState({ status: 'ready', data });
        },
        (error: unknown) => {
          if (!cancelled)
            setState({
              status: 'error',
              message: error instanceof Error ? error.message : String(error),
            });
        },
      );
    };
    run();
    const unsubscribers = refreshOn.map((event) => api.on(event, run));
    return () => {
      cancelled = true;
      unsubscribers.forEach((unsubscribe) => unsubscribe());
    };
  }, [api, key, refreshOn]);

  return state;
}

import { useEffect, useRef, useState } from 'react';
import type { SearchResult } from '../../../../shared/api/search-schemas';
import { useApi } from '../../api/context';
import { errorMessage } from '../../api/error-message';
import type { SearchQuery } from './search-form';

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; previous: SearchResult | null }
  | { status: 'ready'; result: SearchResult }
  | { status: 'error'; message: string };

/** Long enough that a word typed at speed asks once, short enough to feel like "as you type". */
export const TYPING_PAUSE_MS = 150;

/**
 * Results for `input`, asked `delay` ms after it last changed. An answer that arrives after a
 * newer question was asked is dropped: typing "sle" then "sleep" must never end on the results
 * for "sle" because they came back last. A null input (nothing typed) asks nothing.
 */
export function useSearch(input: SearchQuery | null, delay = TYPING_PAUSE_MS): SearchState {
  const api = useApi();
  // The latest answer, with the question it answers: the state is derived from it, so a question
  // whose answer is not in yet reads as "searching" without an extra render.
  const [answer, setAnswer] = useState<Answer | null>(null);
  const asked = useRef(0);
  // The input's content, not its identity: callers build a new object on every render.
  const key = input === null ? null : JSON.stringify(input);

  useEffect(() => {
    const serial = ++asked.current;
    if (key === null) return;
    const timer = window.setTimeout(() => {
      api.call('search.query', JSON.parse(key) as SearchQuery).then(
        (result) => {
          if (serial !== asked.current) return;
          setAnswer({ key, result });
        },
        (failure: unknown) => {
          if (serial === asked.current) setAnswer({ key, message: errorMessage(failure) });
        },
      );
    }, delay);
    return () => window.clearTimeout(timer);
  }, [api, key, delay]);

  if (key === null) return { status: 'idle' };
  if (answer?.key !== key)
    return { status: 'searching', previous: answer && 'result' in answer ? answer.result : null };
  return 'result' in answer
    ? { status: 'ready', result: answer.result }
    : { status: 'error', message: answer.message };
}

type Answer = { key: string; result: SearchResult } | { key: string; message: string };

/** The result to show: the answer, or while the next one is on its way, the one before. */
export function shownResult(state: SearchState): SearchResult | null {
  if (state.status === 'ready') return state.result;
  if (state.status === 'searching') return state.previous;
  return null;
}

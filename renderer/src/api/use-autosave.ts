import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState = 'saved' | 'pending' | 'saving' | { error: string };

/**
 * Saves what the clinician types without a save button: each key's latest value is sent once
 * typing pauses for `delayMs`, at once on `flush()` (call it on blur), and before the page goes
 * away or the component unmounts. Saves of one key are sent one after another, so an older
 * value can never land after a newer one.
 */
export function useAutosave<V>(
  save: (key: string, value: V) => Promise<unknown>,
  delayMs: number,
): { state: SaveState; schedule: (key: string, value: V) => void; flush: () => void } {
  const [state, setState] = useState<SaveState>('saved');
  const pending = useRef(new Map<string, { value: V; timer: number }>());
  const chains = useRef(new Map<string, Promise<unknown>>());
  const inFlight = useRef(0);
  // The latest `save` without re-subscribing: callers pass inline functions.
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });

  const flush = useCallback(() => {
    if (pending.current.size === 0) return;
    const entries = [...pending.current];
    pending.current.clear();
    setState('saving');
    for (const [key, { value, timer }] of entries) {
      window.clearTimeout(timer);
      inFlight.current += 1;
      const previous = chains.current.get(key) ?? Promise.resolve();
      const next = previous
        .catch(() => undefined)
        .then(() => saveRef.current(key, value))
        .then(
          () => {
            inFlight.current -= 1;
            if (inFlight.current === 0 && pending.current.size === 0) setState('saved');
          },
          (error: unknown) => {
            inFlight.current -= 1;
            setState({ error: error instanceof Error ? error.message : String(error) });
          },
        );
      chains.current.set(key, next);
    }
  }, []);

  // Whatever happens next (another page, a closed window), what was typed is sent first.
  useEffect(() => {
    const onHide = () => flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, [flush]);

  const schedule = useCallback(
    (key: string, value: V) => {
      const waiting = pending.current.get(key);
      if (waiting) window.clearTimeout(waiting.timer);
      pending.current.set(key, { value, timer: window.setTimeout(flush, delayMs) });
      setState('pending');
    },
    [flush, delayMs],
  );

  return { state, schedule, flush };
}

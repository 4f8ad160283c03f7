import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiCallError } from '../../../shared/api/envelope';

/** Every mounted autosave's "send what is waiting, and tell me when it landed". */
const everyFlush = new Set<() => Promise<void>>();
/** Saves the core refused because it had locked first; sent again after the unlock. */
const heldWhileLocked: (() => Promise<unknown>)[] = [];

/** Before locking or logging off: everything typed so far is saved first. */
export async function flushAllAutosaves(): Promise<void> {
  await Promise.all([...everyFlush].map((flush) => flush()));
}

/** Edits the lock caught in flight, still to be saved (a logoff waits for them). */
export function editsHeldWhileLocked(): number {
  return heldWhileLocked.length;
}

/** After an unlock: the edits the lock caught are saved now, in the order they were made. */
export async function saveEditsHeldWhileLocked(): Promise<void> {
  for (const save of heldWhileLocked.splice(0)) await save().catch(() => undefined);
}

const isLocked = (error: unknown) => error instanceof ApiCallError && error.error.code === 'locked';

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

  const sendPending = useCallback((): Promise<void> => {
    if (pending.current.size === 0)
      return Promise.all(chains.current.values()).then(() => undefined);
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
            // Locked before this was sent: kept, and saved once the clinician unlocks.
            if (isLocked(error)) heldWhileLocked.push(() => saveRef.current(key, value));
            else setState({ error: error instanceof Error ? error.message : String(error) });
          },
        );
      chains.current.set(key, next);
    }
    return Promise.all(chains.current.values()).then(() => undefined);
  }, []);
  const flush = useCallback(() => void sendPending(), [sendPending]);

  useEffect(() => {
    everyFlush.add(sendPending);
    return () => {
      everyFlush.delete(sendPending);
    };
  }, [sendPending]);

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

import { useEffect, useRef } from 'react';
import type { ApiClient } from '../api/client';

/** The core hears of activity at most this often; between reports it counts from the last one. */
const TOUCH_EVERY_MS = 30_000;
/** The renderer acts this much before the core would, so it can save what is typed first. */
const AHEAD_MS = 10_000;
const CHECK_EVERY_MS = 5_000;

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Reports the clinician's activity (pointer, keys) to the core, throttled, and calls `onIdle`
 * when the lock or the logoff time has come. It counts from the last report the core received,
 * not the last key, so it never runs behind the core's own count.
 */
export function useInactivity(
  api: ApiClient,
  options: {
    active: boolean;
    /** False while locked: typing at the lock screen is not using Cairn. */
    reportActivity: boolean;
    lockAfterMs: number | null;
    logoffAfterMs: number;
  },
  onIdle: (what: 'lock' | 'logoff') => void,
): void {
  const lastReported = useRef(0);
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  });
  const { active, reportActivity, lockAfterMs, logoffAfterMs } = options;

  useEffect(() => {
    if (!active) return;
    lastReported.current = Date.now();
    const onActivity = () => {
      if (!reportActivity || Date.now() - lastReported.current < TOUCH_EVERY_MS) return;
      lastReported.current = Date.now();
      api.call('lock.touch', {}).catch(() => undefined);
    };
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, onActivity, { capture: true, passive: true });
    let locked = false;
    const timer = window.setInterval(() => {
      const idle = Date.now() - lastReported.current;
      if (idle >= logoffAfterMs - AHEAD_MS) onIdleRef.current('logoff');
      else if (!locked && lockAfterMs !== null && idle >= lockAfterMs - AHEAD_MS) {
        locked = true;
        onIdleRef.current('lock');
      }
    }, CHECK_EVERY_MS);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, true);
      window.clearInterval(timer);
    };
  }, [api, active, reportActivity, lockAfterMs, logoffAfterMs]);
}

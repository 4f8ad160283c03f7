import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LockStatus } from '../../../shared/api/security-schemas';
import { useApi } from '../api/context';
import {
  editsHeldWhileLocked,
  flushAllAutosaves,
  saveEditsHeldWhileLocked,
} from '../api/use-autosave';
import { LockContext, type LockControls } from './lock-context';
import { LockScreen } from './LockScreen';
import { useInactivity } from './use-inactivity';

/**
 * Shows the app only while the core says it is unlocked; otherwise the lock screen, with nothing
 * of the app mounted (no session content in the page). Locks itself after the inactivity time,
 * saving what is being typed first, and at logoff starts the page again, which drops everything
 * it held in memory. The core enforces the same lock on every call whatever this does.
 */
export function LockGate({ children }: { children: ReactNode }) {
  const api = useApi();
  const [status, setStatus] = useState<LockStatus | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const loggingOff = useRef(false);

  const refresh = useCallback(async () => {
    try {
      setStatus(await api.call('lock.status', {}));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  }, [api]);

  const logOff = useCallback(async () => {
    if (loggingOff.current) return;
    loggingOff.current = true;
    await flushAllAutosaves();
    // Edits the lock caught are saved after the next unlock, then the page starts again.
    if (editsHeldWhileLocked() > 0) return;
    window.location.hash = '#/';
    window.location.reload();
  }, []);

  const lockNow = useCallback(async () => {
    await flushAllAutosaves();
    setStatus(await api.call('lock.lock', {}));
  }, [api]);

  const unlocked = useCallback(
    async (next: LockStatus) => {
      await saveEditsHeldWhileLocked();
      if (loggingOff.current) {
        loggingOff.current = false;
        await logOff();
      }
      setStatus(next);
    },
    [logOff],
  );

  useEffect(() => {
    api
      .call('lock.status', {})
      .then(setStatus, (error: unknown) =>
        setFailure(error instanceof Error ? error.message : String(error)),
      );
    return api.on('lock.changed', ({ locked, reason }) => {
      if (reason === 'logoff') void logOff();
      else if (locked) setStatus((current) => (current ? { ...current, locked } : current));
      else void refresh();
    });
  }, [api, refresh, logOff]);

  useInactivity(
    api,
    {
      active: status?.enforced ?? false,
      reportActivity: status ? !status.locked : false,
      lockAfterMs: status?.passcodeSet && !status.locked ? status.lockAfterMinutes * 60_000 : null,
      logoffAfterMs: (status?.logoffAfterMinutes ?? 60) * 60_000,
    },
    (what) => {
      if (what === 'logoff') void logOff();
      else lockNow().catch(() => undefined);
    },
  );

  const controls = useMemo<LockControls | null>(
    () => (status ? { status, lockNow, refresh } : null),
    [status, lockNow, refresh],
  );

  if (failure)
    return (
      <p role="alert" className="fatal">
        {failure}
      </p>
    );
  if (!controls) return <p className="muted">Starting Cairn…</p>;
  if (controls.status.locked) return <LockScreen status={controls.status} onUnlocked={unlocked} />;
  return <LockContext.Provider value={controls}>{children}</LockContext.Provider>;
}

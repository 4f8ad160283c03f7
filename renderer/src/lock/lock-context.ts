import { createContext, useContext } from 'react';
import type { LockStatus } from '../../../shared/api/security-schemas';

export interface LockControls {
  status: LockStatus;
  /** Saves what is being typed, then locks. */
  lockNow: () => Promise<void>;
  /** Reads the status again (after the passcode or the timeouts changed). */
  refresh: () => Promise<void>;
}

export const LockContext = createContext<LockControls | null>(null);

export function useLock(): LockControls {
  const controls = useContext(LockContext);
  if (!controls) throw new Error('useLock() used outside <LockGate>');
  return controls;
}

import type { AppLock } from './app-lock';
import type { Handlers } from './handlers';

type LockHandlers = Pick<
  Handlers,
  | 'lock.status'
  | 'lock.setPasscode'
  | 'lock.lock'
  | 'lock.unlock'
  | 'lock.unlockWithSystem'
  | 'lock.touch'
>;

/** The app lock's methods; the refusing itself happens before any handler, in core.invoke. */
export function createLockHandlers(lock: AppLock): LockHandlers {
  return {
    'lock.status': () => lock.status(),
    'lock.setPasscode': ({ current, passcode }) => lock.setPasscode(current, passcode),
    'lock.lock': () => lock.lock(),
    'lock.unlock': ({ passcode }) => lock.unlock(passcode),
    'lock.unlockWithSystem': () => lock.unlockWithSystem(),
    // The activity itself is noted when the call is admitted.
    'lock.touch': () => lock.status(),
  };
}

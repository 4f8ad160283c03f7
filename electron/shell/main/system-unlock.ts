import { systemPreferences } from 'electron';
import type { SystemUnlock } from '../../core/app/app-lock';

/**
 * Touch ID on a Mac that has it, as an alternative to the passcode; elsewhere nothing (Windows
 * Hello and Linux have no Electron API), and the passcode is the way in. Only typechecked here:
 * this machine has no Touch ID.
 */
export function touchIdUnlock(): SystemUnlock | undefined {
  if (process.platform !== 'darwin') return undefined;
  return {
    available: () => systemPreferences.canPromptTouchID(),
    prompt: (reason) =>
      systemPreferences.promptTouchID(reason).then(
        () => true,
        () => false,
      ),
  };
}

import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { useApi } from '../../api/context';

/**
 * Whether this page load (one start of the desk) has already decided about the guide. Module
 * state on purpose: leaving the guide by the sidebar, without finishing or skipping it, must not
 * bring it back every time the empty list is shown; the next start asks again.
 */
let decidedThisStart = false;

/**
 * Opens the first-run guide by itself the first time the desk shows an empty sessions list on a
 * library whose guide was never finished or skipped. "Seen" is the library's `guideSeen` setting,
 * not browser storage: it follows the library, and each library has its own. Asked only when the
 * list is empty, so a library in use pays nothing at start.
 */
export function useOpenGuideOnFirstRun(listIsEmpty: boolean | null): void {
  const api = useApi();
  const navigate = useNavigate();
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(() => {
    if (listIsEmpty === null || decidedThisStart) return;
    decidedThisStart = true;
    if (!listIsEmpty) return;
    api.call('settings.get', {}).then(
      (settings) => {
        // Gone to another page meanwhile: that choice wins over the guide.
        if (settings.guideSeen !== true && mounted.current)
          void navigate('/welcome', { replace: true });
      },
      // Settings unreadable: the list stays, with its own button to the guide.
      () => undefined,
    );
  }, [api, navigate, listIsEmpty]);
}

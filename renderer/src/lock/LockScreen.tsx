import { useId, useState, type SyntheticEvent } from 'react';
import type { LockStatus } from '../../../shared/api/security-schemas';
import { useApi } from '../api/context';
import { errorMessage } from '../api/error-message';
import { Button } from '../ui/Button';
import './lock.css';

/** The only thing a locked Cairn shows: a passcode field, and the system's unlock where it has one. */
export function LockScreen({
  status,
  onUnlocked,
}: {
  status: LockStatus;
  onUnlocked: (status: LockStatus) => Promise<void>;
}) {
  const api = useApi();
  const fieldId = useId();
  const [passcode, setPasscode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const attempt = async (unlock: () => Promise<LockStatus>) => {
    setBusy(true);
    setProblem(null);
    try {
      await onUnlocked(await unlock());
    } catch (error) {
      setProblem(errorMessage(error));
      setPasscode('');
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void attempt(() => api.call('lock.unlock', { passcode }));
  };

  return (
    <main className="lock-screen" aria-labelledby="lock-title">
      <form className="lock-card" onSubmit={submit}>
        <h1 id="lock-title">Cairn is locked</h1>
        <p className="muted">
          Sessions keep processing while Cairn is locked. Enter your passcode to continue.
        </p>
        <label htmlFor={fieldId} className="field-label">
          Passcode
        </label>
        <input
          id={fieldId}
          type="password"
          autoComplete="current-password"
          // The one thing to do on this screen: the cursor starts there.
          autoFocus
          value={passcode}
          aria-describedby={problem ? `${fieldId}-problem` : undefined}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => setPasscode(event.target.value)}
        />
        <div className="lock-actions">
          <Button type="submit" variant="primary" disabled={busy || passcode === ''}>
            Unlock
          </Button>
          {status.systemUnlock && (
            <Button
              disabled={busy}
              onClick={() => void attempt(() => api.call('lock.unlockWithSystem', {}))}
            >
              Unlock with Touch ID
            </Button>
          )}
        </div>
        <p role="alert" id={`${fieldId}-problem`} className="field-error lock-problem">
          {problem}
        </p>
      </form>
    </main>
  );
}

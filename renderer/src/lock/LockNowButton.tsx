import { useState } from 'react';
import { errorMessage } from '../api/error-message';
import { Button } from '../ui/Button';
import { useLock } from './lock-context';
import './lock.css';

/** "Lock now", once a passcode is set (without one nothing could unlock it). */
export function LockNowButton() {
  const { status, lockNow } = useLock();
  const [problem, setProblem] = useState<string | null>(null);
  if (!status.passcodeSet) return null;
  return (
    <div className="lock-now">
      <Button
        className="lock-now-button"
        onClick={() => void lockNow().catch((e: unknown) => setProblem(errorMessage(e)))}
      >
        Lock now
      </Button>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </div>
  );
}

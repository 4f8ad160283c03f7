import './brief.css';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { localToday } from '../../../../shared/domain/local-day';
import { useApi } from '../../api/context';
import { Button } from '../../ui/Button';

/**
 * From a client's page: prepare a brief for their session on a day (planned if there is none),
 * then open that session, where the brief appears as it is prepared.
 */
export function PrepareBriefForm({ clientId }: { clientId: string }) {
  const api = useApi();
  const navigate = useNavigate();
  const [date, setDate] = useState(localToday());
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = () => {
    setBusy(true);
    api.call('briefs.prepare', { clientId, date, waiting: true }).then(
      ({ sessionId }) => void navigate(`/sessions/${sessionId}`),
      (error: unknown) => {
        setBusy(false);
        setProblem(error instanceof Error ? error.message : String(error));
      },
    );
  };
  return (
    <form
      className="prepare-brief"
      aria-labelledby="prepare-brief-title"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2 id="prepare-brief-title">Next session</h2>
      <label className="field-inline">
        Date
        <input
          type="date"
          value={date}
          required
          onChange={(event) => setDate(event.target.value)}
        />
      </label>
      <Button type="submit" variant="primary" disabled={busy}>
        Prepare brief
      </Button>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </form>
  );
}

import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/context';
import { errorMessage } from '../../api/error-message';
import { Button } from '../../ui/Button';

/**
 * Add a client by name; Enter submits. A refusal (a name already taken) shows next to the field
 * with what to do, and the field keeps what was typed.
 */
export function CreateClientForm() {
  const api = useApi();
  const inputId = useId();
  const messageId = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<{ id: string; name: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = () => {
    const trimmed = name.trim();
    setAdded(null);
    if (trimmed === '') return setError('Type the client’s name first.');
    setSaving(true);
    api
      .call('clients.create', { name: trimmed })
      .then(
        (client) => {
          setName('');
          setError(null);
          setAdded({ id: client.id, name: client.name });
        },
        (failure: unknown) => setError(errorMessage(failure)),
      )
      .finally(() => setSaving(false));
  };

  return (
    <form
      className="create-client"
      aria-label="Add a client"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="field">
        <label htmlFor={inputId}>New client</label>
        <div className="field-control">
          <input
            id={inputId}
            value={name}
            maxLength={200}
            autoComplete="off"
            placeholder="Full name"
            aria-invalid={error !== null}
            aria-describedby={messageId}
            onChange={(event) => {
              setName(event.target.value);
              if (error) setError(null);
            }}
          />
          <Button type="submit" variant="primary" disabled={saving}>
            Add client
          </Button>
        </div>
      </div>
      {/* Space is kept for the message, so nothing below moves when one appears. */}
      <p id={messageId} className="field-message" aria-live="polite">
        {error && (
          <span role="alert" className="error">
            {error}
          </span>
        )}
        {added && (
          <span data-testid="client-added">
            Added <Link to={`/clients/${added.id}`}>{added.name}</Link>. Assign sessions to them
            from a session’s page.
          </span>
        )}
      </p>
    </form>
  );
}

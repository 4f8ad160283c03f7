import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useApi } from '../../api/context';
import { errorMessage } from '../../api/error-message';
import { Button } from '../../ui/Button';

/**
 * A client's name with a Rename button; renaming happens in place (Enter saves, Escape cancels)
 * and focus goes back to the button afterwards, so a keyboard user never loses their place.
 */
export function RenameClient({
  client,
  children,
}: {
  client: { id: string; name: string };
  /** How the name shows when not being edited (a link, a heading…). */
  children: ReactNode;
}) {
  const api = useApi();
  const errorId = useId();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(client.name);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (editing) input.current?.select();
    else if (returnFocus.current) button.current?.focus();
    returnFocus.current = false;
  }, [editing]);

  const close = () => {
    returnFocus.current = true;
    setEditing(false);
    setError(null);
  };
  const save = () => {
    const name = draft.trim();
    if (name === '') return setError('Type the client’s new name, or press Escape to keep it.');
    if (name === client.name) return close();
    setSaving(true);
    api
      .call('clients.rename', { id: client.id, name })
      .then(close, (failure: unknown) => setError(errorMessage(failure)))
      .finally(() => setSaving(false));
  };

  if (!editing)
    return (
      <div className="client-name">
        {children}
        <button
          ref={button}
          type="button"
          className="link-button rename-button"
          aria-label={`Rename ${client.name}`}
          onClick={() => {
            setDraft(client.name);
            setEditing(true);
          }}
        >
          Rename
        </button>
      </div>
    );
  return (
    <form
      className="rename-client"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <input
        ref={input}
        value={draft}
        maxLength={200}
        aria-label={`New name for ${client.name}`}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') close();
        }}
      />
      <Button type="submit" variant="primary" size="sm" disabled={saving}>
        Save
      </Button>
      <Button variant="ghost" size="sm" onClick={close}>
        Cancel
      </Button>
      {error && (
        <span id={errorId} role="alert" className="error field-error">
          {error}
        </span>
      )}
    </form>
  );
}

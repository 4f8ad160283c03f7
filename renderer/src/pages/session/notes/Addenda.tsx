import { useState } from 'react';
import { useApi } from '../../../api/context';
import './notes.css';
import { useQuery } from '../../../api/use-query';

const REFRESH_ON = ['sessions.changed'] as const;

/**
 * A signed note never changes; what the clinician learns or corrects later is added here, each
 * addendum with who and when, and none edited or removed afterwards.
 */
export function Addenda({ noteId }: { noteId: string }) {
  const api = useApi();
  const addenda = useQuery(
    `${noteId}:addenda`,
    (a) => a.call('notes.addenda', { id: noteId }),
    REFRESH_ON,
  );
  const [text, setText] = useState('');
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const add = async () => {
    setAdding(true);
    setError(null);
    try {
      await api.call('notes.addAddendum', { id: noteId, text });
      setText('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setAdding(false);
    }
  };

  return (
    <section className="addenda" aria-labelledby="addenda-title">
      <h3 id="addenda-title">Addenda</h3>
      {addenda.status === 'ready' && addenda.data.length > 0 ? (
        <ol className="addenda-list">
          {addenda.data.map((addendum) => (
            <li key={addendum.id} data-testid="addendum">
              <p>{addendum.text}</p>
              <p className="muted">
                Added by {addendum.author} on {new Date(addendum.createdAt).toLocaleString()}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">None. Later changes to this signed note are added here.</p>
      )}
      <label className="addendum-field">
        Add an addendum
        <textarea
          data-testid="addendum-text"
          rows={3}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <button
        type="button"
        data-testid="add-addendum"
        disabled={adding || text.trim() === ''}
        onClick={() => void add()}
      >
        {adding ? 'Adding…' : 'Add addendum'}
      </button>
      {error && (
        <p role="alert" className="error">
          The addendum was not added: {error} Your text is still here; try again.
        </p>
      )}
    </section>
  );
}

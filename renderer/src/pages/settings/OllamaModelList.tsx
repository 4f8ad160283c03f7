import type { NotesModelsListing } from '../../../../shared/api/notes-model-schemas';
import { formatBytes } from '../../format';

/** Ollama's own models, read-only, beside Cairn's: what switching to Ollama would offer. */
export function OllamaModelList({ ollama }: { ollama: NotesModelsListing['ollama'] }) {
  return (
    <>
      <h3>Models in Ollama</h3>
      <div className="ollama-models" data-testid="ollama-models" aria-live="polite">
        {!ollama.running ? (
          <p className="hint">
            <span className="dot off" aria-hidden="true" /> <strong>Ollama is not running</strong>{' '}
            at {ollama.host}. Its models are listed here when it runs; the models above do not need
            it.
          </p>
        ) : ollama.models.length === 0 ? (
          <p className="hint">Ollama is running at {ollama.host} but has no models yet.</p>
        ) : (
          <>
            <ul className="ollama-model-list">
              {ollama.models.map((model) => (
                <li key={model.name}>
                  {model.name} <span className="muted">· {formatBytes(model.sizeBytes)}</span>
                </li>
              ))}
            </ul>
            <p className="hint">
              Running at {ollama.host}. To write notes with one of these, choose Ollama above.
            </p>
          </>
        )}
      </div>
    </>
  );
}

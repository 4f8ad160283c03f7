import { useQuery } from '../../api/use-query';
import { Banner } from '../../ui/Banner';
import { NotesModelTable } from './NotesModelTable';
import { OllamaModelList } from './OllamaModelList';
import { useModelDownloads } from './use-model-downloads';
import { textSetting, type Settings, type SettingValues } from './use-settings';

const REFRESH_ON = ['notesModels.changed'] as const;

/**
 * The embedded engine's models: which one writes notes, the one recommended for this computer and
 * why, the table to download and choose them, and Ollama's models beside them.
 */
export function NotesModels({ settings, values }: { settings: Settings; values: SettingValues }) {
  const chosen = textSetting(values, 'embeddedModel');
  // A new choice or Ollama address changes what the listing says, so it loads again.
  const listing = useQuery(
    `notes-models|${chosen}|${textSetting(values, 'ollamaHost')}`,
    (api) => api.call('notesModels.list', {}),
    REFRESH_ON,
  );
  const downloads = useModelDownloads('notesModels.downloadProgress');

  if (listing.status === 'loading') return <p className="muted">Loading notes models…</p>;
  if (listing.status === 'error')
    return (
      <p role="alert" className="error">
        {listing.message}
      </p>
    );
  const { models, recommended, ollama, dir } = listing.data;
  const inUse = models.find((m) => m.inUse);
  const suggestion = models.find((m) => m.name === recommended.name);
  return (
    <>
      <h3>Notes models</h3>
      <p className="hint" data-testid="notes-model-in-use">
        {inUse || chosen ? (
          <>
            Notes are written with <strong>{inUse?.label ?? chosen}</strong>.
          </>
        ) : (
          'No notes model is installed yet: download one below. Until then, Cairn drafts notes from sentences in the transcript.'
        )}
      </p>
      {suggestion && (
        // The reason names the model, so it is not named twice.
        <Banner tone="info" role="note" data-testid="notes-recommendation">
          <strong>Recommended for this computer:</strong> {recommended.reason}
        </Banner>
      )}
      <NotesModelTable
        models={models}
        recommended={recommended.name}
        downloads={downloads}
        onUse={(file) => settings.save('embeddedModel', file)}
      />
      <p className="hint">
        Larger models write better notes and need more memory and time. Models are kept in{' '}
        <code>{dir}</code>; they hold no session data.
      </p>
      {downloads.problem && (
        <p role="alert" className="error" data-testid="notes-model-problem">
          {models.find((m) => m.name === downloads.problem?.name)?.label ?? downloads.problem.name}:{' '}
          {downloads.problem.message}
        </p>
      )}
      <OllamaModelList ollama={ollama} />
    </>
  );
}

import { useState } from 'react';
import { useQuery } from '../../api/use-query';
import { Field, TextSetting } from './Field';
import { NotesModels } from './NotesModels';
import { OllamaSettings } from './OllamaSettings';
import { textSetting, type Settings, type SettingValues } from './use-settings';
import { Select } from '../../ui/Select';

const CONTEXT_SIZES = [4096, 8192, 16384, 32768];
const NO_EVENTS = [] as const;

/** Which engine writes notes (Ollama or the embedded one), its model, and the default template. */
export function NotesSection({ settings, values }: { settings: Settings; values: SettingValues }) {
  const provider = textSetting(values, 'notesProvider');
  const [checks, setChecks] = useState(0);
  const status = useQuery(
    `${provider}|${textSetting(values, 'ollamaHost')}|${checks}`,
    (api) => api.call('notes.providerStatus', {}),
    NO_EVENTS,
  );
  const templates = useQuery('templates', (api) => api.call('templates.list', {}), NO_EVENTS);
  const ggufs = status.status === 'ready' ? status.data.embedded.models : [];

  return (
    <section aria-labelledby="notes-title" className="settings-section">
      <h2 id="notes-title">Notes</h2>
      <fieldset className="field" aria-describedby="provider-hint">
        <legend>Notes are written by</legend>
        <div className="field-control">
          <label>
            <input
              type="radio"
              name="notes-provider"
              value="embedded"
              checked={provider === 'embedded'}
              onChange={() => void settings.save('notesProvider', 'embedded')}
            />
            Embedded (inside Cairn)
          </label>
          <label>
            <input
              type="radio"
              name="notes-provider"
              value="ollama"
              checked={provider === 'ollama'}
              onChange={() => void settings.save('notesProvider', 'ollama')}
            />
            Ollama (a local server)
          </label>
        </div>
        <p className="field-hint" id="provider-hint">
          Both run on this computer; nothing is sent anywhere else.
        </p>
      </fieldset>
      {provider === 'ollama' ? (
        <OllamaSettings
          settings={settings}
          values={values}
          status={status}
          onCheck={() => setChecks((n) => n + 1)}
        />
      ) : (
        <div className="provider-block">
          <NotesModels settings={settings} values={values} />
          <Field
            id="embedded-model"
            label="Model file"
            status={settings.statusOf('embeddedModel')}
            hint="“Use” above fills this in. For a GGUF file kept elsewhere, give its full path; empty uses the first model installed."
          >
            <TextSetting
              id="embedded-model"
              wide
              value={textSetting(values, 'embeddedModel')}
              placeholder={ggufs[0] ?? 'model.gguf'}
              describedBy="embedded-model-hint embedded-model-state"
              list="gguf-models"
              onSave={(value) => void settings.save('embeddedModel', value)}
            />
            <datalist id="gguf-models">
              {ggufs.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </Field>
          <Field
            id="notes-threads"
            label="CPU threads"
            status={settings.statusOf('notesThreads')}
            hint="0 uses every core."
          >
            <input
              id="notes-threads"
              type="number"
              min={0}
              max={256}
              defaultValue={textSetting(values, 'notesThreads')}
              aria-describedby="notes-threads-hint notes-threads-state"
              onBlur={(event) => {
                if (event.target.value !== textSetting(values, 'notesThreads'))
                  void settings.save('notesThreads', Number(event.target.value));
              }}
            />
          </Field>
        </div>
      )}
      <Field
        id="notes-context"
        label="Context size"
        status={settings.statusOf('notesContextSize')}
        hint="More fits more of a session at once, and needs more memory."
      >
        <Select
          id="notes-context"
          value={textSetting(values, 'notesContextSize')}
          aria-describedby="notes-context-hint notes-context-state"
          onChange={(event) => void settings.save('notesContextSize', Number(event.target.value))}
        >
          {[...new Set([...CONTEXT_SIZES, Number(textSetting(values, 'notesContextSize'))])].map(
            (size) => (
              <option key={size} value={size}>
                {size.toLocaleString()} tokens
              </option>
            ),
          )}
        </Select>
      </Field>
      <Field
        id="default-template"
        label="Default note template"
        status={settings.statusOf('defaultTemplate')}
      >
        <Select
          id="default-template"
          value={textSetting(values, 'defaultTemplate')}
          aria-describedby="default-template-state"
          onChange={(event) => void settings.save('defaultTemplate', event.target.value)}
        >
          {templates.status === 'ready' ? (
            templates.data.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))
          ) : (
            <option value={textSetting(values, 'defaultTemplate')}>
              {textSetting(values, 'defaultTemplate')}
            </option>
          )}
        </Select>
      </Field>
    </section>
  );
}

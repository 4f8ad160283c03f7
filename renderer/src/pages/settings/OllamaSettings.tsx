import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../../shared/api/contract';
import type { ProviderStatus } from '../../../../shared/api/note-schemas';
import { useApi } from '../../api/context';
import type { QueryState } from '../../api/use-query';
import { Field, SaveState, TextSetting } from './Field';
import { messageOf, textSetting, type Settings, type SettingValues } from './use-settings';
import { Button } from '../../ui/Button';

type PullProgress = EventPayload<'ollama.pullProgress'>;

/** Ollama's host and model, whether it answers there (with what to do if not), and a model pull. */
export function OllamaSettings({
  settings,
  values,
  status,
  onCheck,
}: {
  settings: Settings;
  values: SettingValues;
  status: QueryState<ProviderStatus>;
  onCheck: () => void;
}) {
  const api = useApi();
  const host = textSetting(values, 'ollamaHost');
  const model = textSetting(values, 'ollamaModel');
  const [pull, setPull] = useState<PullProgress | null>(null);
  const [pulling, setPulling] = useState(false);
  const [pullError, setPullError] = useState<string | null>(null);
  useEffect(() => api.on('ollama.pullProgress', setPull), [api]);
  const ollama = status.status === 'ready' ? status.data.ollama : null;
  const hasModel = ollama?.models.some((m) => m === model || m === `${model}:latest`) ?? false;
  const startPull = () => {
    setPulling(true);
    setPullError(null);
    api
      .call('ollama.pull', { model })
      .then(onCheck, (error: unknown) => setPullError(messageOf(error)))
      .finally(() => setPulling(false));
  };
  const percent = pull?.total ? (100 * (pull.completed ?? 0)) / pull.total : undefined;

  return (
    <div className="provider-block">
      <Field
        id="ollama-host"
        label="Ollama address"
        status={settings.statusOf('ollamaHost')}
        hint="Where Ollama runs on this computer. Transcripts are sent there to write notes."
      >
        <TextSetting
          id="ollama-host"
          value={host}
          describedBy="ollama-host-hint ollama-host-state"
          onSave={(value) => void settings.save('ollamaHost', value).then(onCheck)}
        />
      </Field>
      <div className="ollama-status" data-testid="ollama-status" aria-live="polite">
        {status.status === 'loading' && <span className="muted">Checking Ollama…</span>}
        {status.status === 'error' && <span className="error">{status.message}</span>}
        {ollama?.reachable === true && (
          <span>
            <span className="dot ok" aria-hidden="true" /> Running at {ollama.host} ·{' '}
            {ollama.models.length} model{ollama.models.length === 1 ? '' : 's'} installed
          </span>
        )}
        {ollama?.reachable === false && (
          <span>
            <span className="dot off" aria-hidden="true" /> <strong>Not running</strong> at{' '}
            {ollama.host}. Start the Ollama app (or run <code>ollama serve</code> in a terminal),
            then check again, or choose Embedded above to write notes inside Cairn.
          </span>
        )}{' '}
        <Button size="sm" onClick={onCheck}>
          Check again
        </Button>
      </div>
      <Field
        id="ollama-model"
        label="Ollama model"
        status={settings.statusOf('ollamaModel')}
        hint={
          ollama?.reachable && !hasModel
            ? `Ollama does not have ${model} yet: pull it (it is downloaded once).`
            : 'For example llama3.1:8b.'
        }
      >
        <TextSetting
          id="ollama-model"
          value={model}
          describedBy="ollama-model-hint ollama-model-state"
          list="ollama-models"
          onSave={(value) => void settings.save('ollamaModel', value).then(onCheck)}
        />
        <datalist id="ollama-models">
          {ollama?.models.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        {ollama?.reachable && !hasModel && (
          <Button variant="primary" onClick={startPull} disabled={pulling}>
            Pull {model}
          </Button>
        )}
      </Field>
      <div className="pull-progress" aria-live="polite">
        {pulling && (
          <>
            <progress max={100} value={percent} aria-label={`Pulling ${model}`} />{' '}
            <span className="numeric">{pull?.status ?? 'starting'}</span>
          </>
        )}
        {pullError && <SaveState status={{ state: 'error', message: pullError }} />}
      </div>
    </div>
  );
}

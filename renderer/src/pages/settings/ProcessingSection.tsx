import { Field } from './Field';
import { textSetting, type Settings, type SettingValues } from './use-settings';

const CHOICES = [1, 2, 3, 4, 6, 8];

/** How many sessions are processed at once; the queue picks a change up at once. */
export function ProcessingSection({
  settings,
  values,
}: {
  settings: Settings;
  values: SettingValues;
}) {
  return (
    <section aria-labelledby="processing-title" className="settings-section">
      <h2 id="processing-title">Processing</h2>
      <Field
        id="pipeline-concurrency"
        label="Sessions processed at once"
        status={settings.statusOf('pipelineConcurrency')}
        hint="One session already keeps a laptop's cores busy; more suits a workstation. Applies at once: running sessions finish, and the next ones follow the new number."
      >
        <select
          id="pipeline-concurrency"
          value={textSetting(values, 'pipelineConcurrency')}
          aria-describedby="pipeline-concurrency-hint pipeline-concurrency-state"
          onChange={(event) =>
            void settings.save('pipelineConcurrency', Number(event.target.value))
          }
        >
          {CHOICES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </Field>
    </section>
  );
}

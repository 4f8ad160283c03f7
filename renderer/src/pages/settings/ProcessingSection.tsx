import { numberChoices, SelectSetting } from './SelectSetting';
import type { Settings, SettingValues } from './use-settings';

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
      <SelectSetting
        id="pipeline-concurrency"
        name="pipelineConcurrency"
        label="Sessions processed at once"
        hint="One session already keeps a laptop's cores busy; more suits a workstation. Applies at once: running sessions finish, and the next ones follow the new number."
        settings={settings}
        values={values}
        choices={numberChoices(CHOICES, values.pipelineConcurrency)}
      />
    </section>
  );
}

import { Field } from './Field';
import { textSetting, type Settings, type SettingValues } from './use-settings';
import { Select } from '../../ui/Select';

/** A choice's stored value and what the clinician reads. */
export type Choice = readonly [value: string | number, label: string];

/** Numbers shown as themselves, with the stored value added when it is not among them. */
export function numberChoices(choices: readonly number[], current: unknown): Choice[] {
  const all =
    typeof current === 'number' && !choices.includes(current) ? [...choices, current] : choices;
  return [...all].sort((a, b) => a - b).map((n) => [n, String(n)] as const);
}

/**
 * One setting chosen from a list, saved as soon as it changes, with its hint and save state; the
 * stored value's type (number or text) follows the choices'.
 */
export function SelectSetting({
  id,
  name,
  label,
  hint,
  settings,
  values,
  choices,
  onSaved,
}: {
  id: string;
  name: string;
  label: string;
  hint: string;
  settings: Settings;
  values: SettingValues;
  choices: readonly Choice[];
  onSaved?: () => void;
}) {
  const numeric = typeof choices[0]?.[0] === 'number';
  return (
    <Field id={id} label={label} status={settings.statusOf(name)} hint={hint}>
      <Select
        id={id}
        value={textSetting(values, name)}
        aria-describedby={`${id}-hint ${id}-state`}
        onChange={(event) => {
          const value = numeric ? Number(event.target.value) : event.target.value;
          void settings.save(name, value).then(() => onSaved?.());
        }}
        options={choices.map(([value, text]) => ({ value, label: text }))}
      />
    </Field>
  );
}

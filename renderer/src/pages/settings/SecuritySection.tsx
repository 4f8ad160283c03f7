import { useState, type SyntheticEvent } from 'react';
import { useApi } from '../../api/context';
import { errorMessage } from '../../api/error-message';
import { useLock } from '../../lock/lock-context';
import { Field } from './Field';
import { numberChoices, SelectSetting } from './SelectSetting';
import type { Settings, SettingValues } from './use-settings';
import { Button } from '../../ui/Button';

const LOCK_CHOICES = [1, 2, 5, 10, 15, 30, 60];
const LOGOFF_CHOICES = [15, 30, 60, 120, 240, 480];

/** The passcode (set, change, remove) and the two inactivity times. */
export function SecuritySection({
  settings,
  values,
}: {
  settings: Settings;
  values: SettingValues;
}) {
  const api = useApi();
  const lock = useLock();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const hasPasscode = lock.status.passcodeSet;

  const change = async (passcode: string | null) => {
    setOutcome(null);
    if (passcode !== null && passcode !== again)
      return setOutcome({
        ok: false,
        text: 'The two new passcodes differ. Type the same one twice.',
      });
    try {
      await api.call('lock.setPasscode', {
        current: hasPasscode ? current : undefined,
        passcode,
      });
      setCurrent('');
      setNext('');
      setAgain('');
      setOutcome({ ok: true, text: passcode === null ? 'Passcode removed.' : 'Passcode saved.' });
      await lock.refresh();
    } catch (error) {
      setOutcome({ ok: false, text: errorMessage(error) });
    }
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void change(next);
  };

  return (
    <section aria-labelledby="security-title" className="settings-section">
      <h2 id="security-title">Security</h2>
      <form onSubmit={submit} aria-label="Set or change the passcode">
        <p className="hint">
          {hasPasscode
            ? 'Cairn locks with this passcode after the time below, and when you choose Lock now.'
            : 'Set a passcode so Cairn locks when you step away. Only a scrambled form of it is kept.'}
        </p>
        {hasPasscode && (
          <Field id="passcode-current" label="Current passcode">
            <input
              id="passcode-current"
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(event) => setCurrent(event.target.value)}
            />
          </Field>
        )}
        <Field
          id="passcode-new"
          label={hasPasscode ? 'New passcode' : 'Passcode'}
          hint="At least 4 characters."
        >
          <input
            id="passcode-new"
            type="password"
            autoComplete="new-password"
            minLength={4}
            value={next}
            aria-describedby="passcode-new-hint"
            onChange={(event) => setNext(event.target.value)}
          />
        </Field>
        <Field id="passcode-again" label="Type it again">
          <input
            id="passcode-again"
            type="password"
            autoComplete="new-password"
            value={again}
            onChange={(event) => setAgain(event.target.value)}
          />
        </Field>
        <div className="field-control">
          <Button type="submit" variant="primary" disabled={next.length < 4}>
            {hasPasscode ? 'Change passcode' : 'Set passcode'}
          </Button>
          {hasPasscode && (
            <Button disabled={current === ''} onClick={() => void change(null)}>
              Remove passcode
            </Button>
          )}
        </div>
        <div aria-live="polite">
          {outcome && (
            <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'muted' : 'error'}>
              {outcome.text}
            </p>
          )}
        </div>
      </form>
      <SelectSetting
        id="lock-after"
        name="lockAfterMinutes"
        label="Lock after inactivity (minutes)"
        hint="With a passcode set, Cairn locks when nobody has used it this long. Processing goes on."
        settings={settings}
        values={values}
        choices={numberChoices(LOCK_CHOICES, values.lockAfterMinutes)}
        onSaved={() => void lock.refresh()}
      />
      <SelectSetting
        id="logoff-after"
        name="logoffAfterMinutes"
        label="Log off after inactivity (minutes)"
        hint="Cairn then saves what was typed, forgets everything it shows, and starts again at the lock screen."
        settings={settings}
        values={values}
        choices={numberChoices(LOGOFF_CHOICES, values.logoffAfterMinutes)}
        onSaved={() => void lock.refresh()}
      />
    </section>
  );
}

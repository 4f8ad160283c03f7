import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../../api/context';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'error'; message: string };

export type SettingValues = Record<string, unknown>;

export interface Settings {
  values: SettingValues | null;
  loadError: string | null;
  statusOf(name: string): SaveStatus;
  /** Saves at once (no Save button to forget); resolves to whether the core accepted it. */
  save(name: string, value: unknown): Promise<boolean>;
}

export const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

/** Every setting, and saving one with its own saving / saved / error state. */
export function useSettings(): Settings {
  const api = useApi();
  const [values, setValues] = useState<SettingValues | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState<Record<string, SaveStatus>>({});
  useEffect(() => {
    api
      .call('settings.get', {})
      .then(setValues, (error: unknown) => setLoadError(messageOf(error)));
  }, [api]);
  const save = useCallback(
    async (name: string, value: unknown) => {
      setStatus((current) => ({ ...current, [name]: { state: 'saving' } }));
      // The control shows the choice at once; a refused value is put back from the core below.
      setValues((current) => (current ? { ...current, [name]: value } : current));
      try {
        setValues(await api.call('settings.set', { name, value }));
        setStatus((current) => ({ ...current, [name]: { state: 'saved' } }));
        return true;
      } catch (error) {
        api.call('settings.get', {}).then(setValues, () => undefined);
        setStatus((current) => ({
          ...current,
          [name]: { state: 'error', message: messageOf(error) },
        }));
        return false;
      }
    },
    [api],
  );
  const statusOf = useCallback(
    (name: string) => status[name] ?? { state: 'idle' as const },
    [status],
  );
  return { values, loadError, statusOf, save };
}

export function textSetting(values: SettingValues, name: string): string {
  const value = values[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

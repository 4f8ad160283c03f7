import { numberChoices, SelectSetting } from './SelectSetting';
import type { Settings, SettingValues } from './use-settings';

const RAW_AUDIO = [
  ['keep', 'Keep'],
  ['afterTranscription', 'Delete after transcription'],
  ['afterApproval', 'Delete after the note is approved'],
] as const;

const TRANSCRIPTS = [
  ['keep', 'Keep'],
  ['afterApproval', 'Delete after the note is approved'],
] as const;

const GRACE_DAYS = [0, 1, 7, 14, 30, 90, 365];

/** The practice's retention policy; the sweep applies it at start-up, hourly, and on demand. */
export function RetentionSettings({
  settings,
  values,
}: {
  settings: Settings;
  values: SettingValues;
}) {
  return (
    <>
      <SelectSetting
        id="retention-raw-audio"
        name="retentionRawAudio"
        label="Raw audio"
        hint="The stored recording and its prepared audio. Once deleted, the session can no longer be played or transcribed again; its transcript and note stay."
        settings={settings}
        values={values}
        choices={RAW_AUDIO}
      />
      <SelectSetting
        id="retention-transcripts"
        name="retentionTranscripts"
        label="Transcripts"
        hint="The transcript's text and its corrections. The approved note, with its quotes, stays whole."
        settings={settings}
        values={values}
        choices={TRANSCRIPTS}
      />
      <SelectSetting
        id="retention-grace"
        name="retentionGraceDays"
        label="Grace period"
        hint="Days after transcription or approval before anything is deleted. Every deletion is recorded in the audit log."
        settings={settings}
        values={values}
        choices={numberChoices(GRACE_DAYS, values.retentionGraceDays).map(
          ([days]) => [days, days === 0 ? 'None' : days === 1 ? '1 day' : `${days} days`] as const,
        )}
      />
    </>
  );
}

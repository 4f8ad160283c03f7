import { Field } from './Field';
import { textSetting, type Settings, type SettingValues } from './use-settings';

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
  const grace = Number(textSetting(values, 'retentionGraceDays'));
  const graceChoices = GRACE_DAYS.includes(grace) ? GRACE_DAYS : [...GRACE_DAYS, grace];
  return (
    <>
      <Field
        id="retention-raw-audio"
        label="Raw audio"
        status={settings.statusOf('retentionRawAudio')}
        hint="The stored recording and its prepared audio. Once deleted, the session can no longer be played or transcribed again; its transcript and note stay."
      >
        <select
          id="retention-raw-audio"
          value={textSetting(values, 'retentionRawAudio')}
          aria-describedby="retention-raw-audio-hint retention-raw-audio-state"
          onChange={(event) => void settings.save('retentionRawAudio', event.target.value)}
        >
          {RAW_AUDIO.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="retention-transcripts"
        label="Transcripts"
        status={settings.statusOf('retentionTranscripts')}
        hint="The transcript's text and its corrections. The approved note, with its quotes, stays whole."
      >
        <select
          id="retention-transcripts"
          value={textSetting(values, 'retentionTranscripts')}
          aria-describedby="retention-transcripts-hint retention-transcripts-state"
          onChange={(event) => void settings.save('retentionTranscripts', event.target.value)}
        >
          {TRANSCRIPTS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="retention-grace"
        label="Grace period"
        status={settings.statusOf('retentionGraceDays')}
        hint="Days after transcription or approval before anything is deleted. Every deletion is recorded in the audit log."
      >
        <select
          id="retention-grace"
          value={String(grace)}
          aria-describedby="retention-grace-hint retention-grace-state"
          onChange={(event) => void settings.save('retentionGraceDays', Number(event.target.value))}
        >
          {graceChoices.map((days) => (
            <option key={days} value={days}>
              {days === 0 ? 'None' : days === 1 ? '1 day' : `${days} days`}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}

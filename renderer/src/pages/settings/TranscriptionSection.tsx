import { Field } from './Field';
import { LANGUAGES } from './languages';
import { ModelTable } from './ModelTable';
import { textSetting, type Settings, type SettingValues } from './use-settings';
import { Select } from '../../ui/Select';

/** Which Whisper model and language new sessions are transcribed with, and the models on disk. */
export function TranscriptionSection({
  settings,
  values,
}: {
  settings: Settings;
  values: SettingValues;
}) {
  const language = textSetting(values, 'transcriptionLanguage');
  const known = LANGUAGES.some((l) => l.code === language);
  return (
    <section aria-labelledby="transcription-title" className="settings-section">
      <h2 id="transcription-title">Transcription</h2>
      <Field
        id="transcription-language"
        label="Spoken language"
        status={settings.statusOf('transcriptionLanguage')}
        hint="Choosing the language helps when sessions mix languages or start quietly."
      >
        <Select
          id="transcription-language"
          value={language}
          aria-describedby="transcription-language-hint transcription-language-state"
          onChange={(event) => void settings.save('transcriptionLanguage', event.target.value)}
        >
          {!known && <option value={language}>{language}</option>}
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name}
            </option>
          ))}
        </Select>
      </Field>
      <h3>Whisper models</h3>
      <p className="hint">
        New sessions are transcribed with{' '}
        <strong data-testid="model-in-use">{textSetting(values, 'transcriptionModel')}</strong>.
        Larger models are more accurate and slower.
      </p>
      <ModelTable language={language} onUse={(name) => settings.save('transcriptionModel', name)} />
    </section>
  );
}

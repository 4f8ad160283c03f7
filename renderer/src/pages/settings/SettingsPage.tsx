import { Link } from 'react-router';
import { DataSection } from './DataSection';
import { ExportsSection } from './ExportsSection';
import { NotesSection } from './NotesSection';
import { ProcessingSection } from './ProcessingSection';
import { SharingSection } from './SharingSection';
import { SecuritySection } from './SecuritySection';
import { TranscriptionSection } from './TranscriptionSection';
import { useSettings } from './use-settings';
import { VoiceSection } from './VoiceSection';
import './settings.css';

/** Every setting saves as it changes; each shows its own saved or error state. */
export function SettingsPage() {
  const settings = useSettings();
  const { values } = settings;
  return (
    <section aria-labelledby="settings-title" className="settings-page">
      <h1 id="settings-title">Settings</h1>
      <p className="muted">
        New here? <Link to="/welcome">Open the first-run guide</Link>: library, passcode, models and
        a sample session, step by step.
      </p>
      {settings.loadError && (
        <p role="alert" className="error">
          {settings.loadError}
        </p>
      )}
      {!values && !settings.loadError && <p className="muted">Loading settings…</p>}
      {values && (
        <>
          <TranscriptionSection settings={settings} values={values} />
          <NotesSection settings={settings} values={values} />
          <VoiceSection settings={settings} values={values} />
          <ExportsSection settings={settings} values={values} />
          <ProcessingSection settings={settings} values={values} />
          <SharingSection settings={settings} values={values} />
          <SecuritySection settings={settings} values={values} />
          <DataSection settings={settings} values={values} />
        </>
      )}
    </section>
  );
}

import './welcome.css';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useApi } from '../../api/context';
import { DataSection } from '../settings/DataSection';
import { NotesSection } from '../settings/NotesSection';
import { SecuritySection } from '../settings/SecuritySection';
import { TranscriptionSection } from '../settings/TranscriptionSection';
import {
  messageOf,
  useSettings,
  type Settings,
  type SettingValues,
} from '../settings/use-settings';

interface Step {
  title: string;
  why: string;
  body: (settings: Settings, values: SettingValues) => ReactNode;
}

/**
 * The guided start: where the library lives, a passcode, the models this machine should run, and
 * a first session on the bundled sample. Each step is the Settings section itself (one place to
 * keep right), can be skipped, and is reachable later from Settings.
 */
const STEPS: readonly Step[] = [
  {
    title: 'Where your library lives',
    why: 'Recordings, transcripts and notes stay in this folder, encrypted, on this computer. Keep it on a disk that is backed up.',
    body: (settings, values) => <DataSection settings={settings} values={values} />,
  },
  {
    title: 'A passcode (optional)',
    why: 'Cairn locks itself after a while without use; the passcode opens it again. Skip this if the computer is yours alone and locks itself.',
    body: (settings, values) => <SecuritySection settings={settings} values={values} />,
  },
  {
    title: 'A transcription model',
    why: 'Whisper turns speech into text on this computer. The recommended model suits this machine; a larger one is more accurate and slower.',
    body: (settings, values) => <TranscriptionSection settings={settings} values={values} />,
  },
  {
    title: 'A notes model',
    why: 'A local language model drafts the note. Without one, Cairn still writes an extractive draft from the transcript’s own sentences.',
    body: (settings, values) => <NotesSection settings={settings} values={values} />,
  },
];

export function WelcomePage() {
  const api = useApi();
  const navigate = useNavigate();
  const settings = useSettings();
  const [step, setStep] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [trying, setTrying] = useState(false);
  const last = step === STEPS.length;
  // Finished or skipped: the desk stops opening the guide by itself in this library (Settings
  // still links to it). Not saved (the core refused): it opens again at the next start, no harm.
  const markSeen = () =>
    api.call('settings.set', { name: 'guideSeen', value: true }).then(
      () => undefined,
      () => undefined,
    );
  const leave = async () => {
    await markSeen();
    void navigate('/');
  };
  const trySample = async () => {
    setTrying(true);
    setError(null);
    try {
      const { sessionId } = await api.call('recordings.importSample', {});
      await api.call('pipeline.process', { sessionId, waiting: true });
      await markSeen();
      void navigate(`/sessions/${sessionId}`);
    } catch (failure) {
      setError(messageOf(failure));
      setTrying(false);
    }
  };
  const current = STEPS[step];
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Welcome to Cairn</h1>
      <ol className="welcome-steps" aria-label="Steps">
        {[...STEPS.map((s) => s.title), 'Try it on a sample'].map((title, index) => (
          <li key={title} aria-current={index === step ? 'step' : undefined}>
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => setStep(index)}>
              {index + 1}. {title}
            </button>
          </li>
        ))}
      </ol>
      <div className="welcome-body" data-testid="welcome-step">
        {current && settings.values ? (
          <>
            <h2>{current.title}</h2>
            <p className="muted">{current.why}</p>
            {current.body(settings, settings.values)}
          </>
        ) : last ? (
          <>
            <h2>Try it on a sample</h2>
            <p className="muted">
              A fictional 37-second session ships with Cairn: two voices, an anxiety rating and a
              passive wish not to wake up, so the first note shows a risk flag to review. Nothing
              about a real person.
            </p>
            <button
              type="button"
              className="btn btn-primary"
              data-testid="try-sample"
              disabled={trying}
              onClick={() => void trySample()}
            >
              {trying ? 'Opening the sample…' : 'Process the sample session'}
            </button>
          </>
        ) : (
          <p className="muted">Loading settings…</p>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </div>
      <div className="welcome-nav">
        <button type="button" className="btn btn-ghost" onClick={() => void leave()}>
          Skip the guide
        </button>
        <span className="welcome-nav-steps">
          {step > 0 && (
            <button type="button" className="btn btn-secondary" onClick={() => setStep(step - 1)}>
              Back
            </button>
          )}
          {!last && (
            <button type="button" className="btn btn-primary" onClick={() => setStep(step + 1)}>
              {step === STEPS.length - 1 ? 'Next: try it' : 'Next'}
            </button>
          )}
          {last && (
            <button type="button" className="btn btn-secondary" onClick={() => void leave()}>
              Finish without the sample
            </button>
          )}
        </span>
      </div>
    </section>
  );
}

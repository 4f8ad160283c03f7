import { useState } from 'react';
import { useApi } from '../../api/context';
import { useQuery } from '../../api/use-query';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from './Field';
import { messageOf, type Settings, type SettingValues } from './use-settings';

const NO_EVENTS = [] as const;

/**
 * Learning from the clinician's edits: the switch, what Cairn learned (per template, in words),
 * and forgetting it. The examples never leave this computer; only their summary is shown here.
 */
export function VoiceSection({ settings, values }: { settings: Settings; values: SettingValues }) {
  const api = useApi();
  const enabled = values.voiceLearning !== false;
  const [forgets, setForgets] = useState(0);
  const profile = useQuery(
    `voice-${enabled}-${forgets}`,
    (a) => a.call('voice.profile', {}),
    NO_EVENTS,
  );
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const forget = () => {
    setConfirming(false);
    api.call('voice.forget', {}).then(
      (r) => {
        setMessage({
          ok: true,
          text: `Forgotten: ${r.deleted} example${r.deleted === 1 ? '' : 's'} deleted.`,
        });
        setForgets((n) => n + 1);
      },
      (error: unknown) => setMessage({ ok: false, text: messageOf(error) }),
    );
  };
  const learned = profile.status === 'ready' ? profile.data.templates : [];
  return (
    <section aria-labelledby="voice-title" className="settings-section" data-testid="voice">
      <h2 id="voice-title">Your writing</h2>
      <p className="hint">
        When you sign a note you edited, Cairn keeps each section you rewrote next to its draft, and
        shows the closest few to the notes model when it drafts that section again. It also puts in
        the words you always change. All of it stays in your encrypted library on this computer; it
        is never shared or exported.
      </p>
      <Field
        id="voice-learning"
        label="Learn from my edits"
        check
        status={settings.statusOf('voiceLearning')}
        hint="Off: nothing is kept from new signings, and what was learned is not used."
      >
        <input
          id="voice-learning"
          type="checkbox"
          checked={enabled}
          aria-describedby="voice-learning-hint voice-learning-state"
          onChange={(event) => void settings.save('voiceLearning', event.target.checked)}
        />
      </Field>
      {profile.status === 'error' && (
        <p role="alert" className="error">
          {profile.message}
        </p>
      )}
      {profile.status === 'ready' && learned.length === 0 && (
        <p className="muted" data-testid="voice-profile">
          Nothing learned yet: sign a note you edited first.
        </p>
      )}
      {learned.length > 0 && (
        <dl className="facts" data-testid="voice-profile">
          {learned.map((t) => (
            <div key={t.templateId}>
              <dt>
                {t.templateName} ({t.examples} example{t.examples === 1 ? '' : 's'})
              </dt>
              <dd>Your notes: {t.words}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="field-control">
        <Button
          variant="danger"
          disabled={learned.length === 0}
          onClick={() => setConfirming(true)}
        >
          Forget what Cairn learned
        </Button>
      </div>
      {message && (
        <p role="status" className={message.ok ? 'muted' : 'error'} data-testid="voice-message">
          {message.text}
        </p>
      )}
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title="Forget what Cairn learned?"
        actions={
          <>
            <Button autoFocus onClick={() => setConfirming(false)}>
              Keep it
            </Button>
            <Button variant="danger" onClick={forget}>
              Forget
            </Button>
          </>
        }
      >
        <p>
          Every example kept from your signed notes is deleted. Your notes themselves do not change.
          The deletion is recorded in the audit log.
        </p>
      </Dialog>
    </section>
  );
}

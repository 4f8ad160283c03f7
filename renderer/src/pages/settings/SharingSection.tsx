import { useState } from 'react';
import type { EventName } from '../../../../shared/api/contract';
import type { SyncStatus } from '../../../../shared/api/sync-schemas';
import { useApi } from '../../api/context';
import { useQuery } from '../../api/use-query';
import { Field, TextSetting } from './Field';
import { messageOf, textSetting, type Settings, type SettingValues } from './use-settings';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';

const REFRESH_ON: readonly EventName[] = ['sync.changed', 'sessions.changed'];

const TEXT_FIELDS = [
  { name: 'syncEndpoint', id: 'sync-endpoint', label: 'Endpoint', placeholder: 'empty: AWS' },
  { name: 'syncRegion', id: 'sync-region', label: 'Region', placeholder: 'us-east-1' },
  { name: 'syncBucket', id: 'sync-bucket', label: 'Bucket', placeholder: 'practice-outcomes' },
  { name: 'syncPrefix', id: 'sync-prefix', label: 'Key prefix', placeholder: 'cairn/' },
  { name: 'syncAccessKeyId', id: 'sync-access-key', label: 'Access key id', placeholder: '' },
] as const;

/**
 * Opt-in sharing of de-identified abstracts with the practice's S3 bucket: its settings (the
 * secret is write-only), a connection test, and what is pending, uploaded or blocked.
 */
export function SharingSection({
  settings,
  values,
}: {
  settings: Settings;
  values: SettingValues;
}) {
  const enabled = values.syncEnabled === true;
  return (
    <section aria-labelledby="sharing-title" className="settings-section">
      <h2 id="sharing-title">Sharing (S3)</h2>
      <p className="hint">
        Off by default. When on, each approved session sends only an abstract (themes, frameworks, a
        de-identified summary, statistics) under a pseudonym; never the recording, the transcript,
        names or dates. Every upload is scanned again first and blocked if anything identifying
        remains.
      </p>
      <Field
        id="sync-enabled"
        label="Share abstracts"
        check
        status={settings.statusOf('syncEnabled')}
      >
        <input
          id="sync-enabled"
          type="checkbox"
          checked={enabled}
          aria-describedby="sync-enabled-state"
          onChange={(event) => void settings.save('syncEnabled', event.target.checked)}
        />
      </Field>
      {TEXT_FIELDS.map((field) => (
        <Field
          key={field.name}
          id={field.id}
          label={field.label}
          status={settings.statusOf(field.name)}
        >
          <TextSetting
            id={field.id}
            value={textSetting(values, field.name)}
            placeholder={field.placeholder}
            describedBy={`${field.id}-state`}
            wide={field.name === 'syncEndpoint'}
            onSave={(value) => void settings.save(field.name, value)}
          />
        </Field>
      ))}
      <Field
        id="sync-secret"
        label="Secret access key"
        status={settings.statusOf('syncSecretAccessKey')}
        hint="Write-only: Cairn never shows it again. Type a new one to replace it."
      >
        <SecretInput
          onSave={(value) => void settings.save('syncSecretAccessKey', value)}
          isSet={textSetting(values, 'syncSecretAccessKey') !== ''}
        />
      </Field>
      <Field
        id="sync-path-style"
        label="Bucket in the path"
        check
        status={settings.statusOf('syncForcePathStyle')}
        hint="Most S3-compatible stores (MinIO, Ceph) need this; AWS does not."
      >
        <input
          id="sync-path-style"
          type="checkbox"
          checked={values.syncForcePathStyle === true}
          aria-describedby="sync-path-style-hint sync-path-style-state"
          onChange={(event) => void settings.save('syncForcePathStyle', event.target.checked)}
        />
      </Field>
      <SyncStatusPanel enabled={enabled} />
    </section>
  );
}

function SecretInput({ isSet, onSave }: { isSet: boolean; onSave: (value: string) => void }) {
  const [typed, setTyped] = useState('');
  return (
    <input
      id="sync-secret"
      type="password"
      autoComplete="off"
      value={typed}
      placeholder={isSet ? 'set (hidden)' : 'not set'}
      aria-describedby="sync-secret-hint sync-secret-state"
      onChange={(event) => setTyped(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
      }}
      onBlur={() => {
        if (typed.trim() === '') return;
        onSave(typed.trim());
        setTyped('');
      }}
    />
  );
}

function SyncStatusPanel({ enabled }: { enabled: boolean }) {
  const api = useApi();
  const status = useQuery(`sync-${enabled}`, (a) => a.call('sync.status', {}), REFRESH_ON);
  const [busy, setBusy] = useState<'test' | 'run' | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const act = (kind: 'test' | 'run') => {
    setBusy(kind);
    setMessage(null);
    const work =
      kind === 'test'
        ? api.call('sync.testConnection', {}).then((r) => ({ ok: r.ok, text: r.message }))
        : api.call('sync.run', {}).then((r) => ({
            ok: r.error === null,
            text:
              r.error?.message ??
              `Uploaded ${r.uploaded}, blocked ${r.blocked}, still pending ${r.pending}.`,
          }));
    work
      .then(setMessage, (error: unknown) => setMessage({ ok: false, text: messageOf(error) }))
      .finally(() => setBusy(null));
  };
  if (status.status === 'error')
    return (
      <p role="alert" className="error">
        {status.message}
      </p>
    );
  if (status.status === 'loading') return <p className="muted">Loading sharing status…</p>;
  return (
    <div className="sync-status" data-testid="sync-status">
      <Counts status={status.data} />
      {status.data.nextStep && (
        <Banner tone="warning" role="alert" data-testid="sync-next-step">
          {status.data.nextStep}
        </Banner>
      )}
      {enabled && (
        <div className="field-control">
          <Button disabled={busy !== null} onClick={() => act('test')}>
            {busy === 'test' ? 'Testing…' : 'Test connection'}
          </Button>
          <Button variant="primary" disabled={busy !== null} onClick={() => act('run')}>
            {busy === 'run' ? 'Uploading…' : 'Upload now'}
          </Button>
        </div>
      )}
      {message && (
        <p role="status" className={message.ok ? 'muted' : 'error'} data-testid="sync-message">
          {message.text}
        </p>
      )}
    </div>
  );
}

function Counts({ status }: { status: SyncStatus }) {
  const { pending, uploaded, blocked } = status.counts;
  return (
    <dl className="facts">
      <dt>Pending</dt>
      <dd data-testid="sync-pending">{pending}</dd>
      <dt>Uploaded</dt>
      <dd data-testid="sync-uploaded">{uploaded}</dd>
      <dt>Blocked</dt>
      <dd data-testid="sync-blocked">{blocked}</dd>
    </dl>
  );
}

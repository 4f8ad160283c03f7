import './group.css';
import { useState } from 'react';
import type { GroupSpeaker } from '../../../../shared/api/group-schemas';
import { useQuery } from '../../api/use-query';
import { formatDuration } from '../../format';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { QueryNotice } from '../../ui/QueryNotice';
import { RunProgressLine } from '../../ui/RunProgressLine';
import { Select } from '../../ui/Select';
import { ParticipantSummaryCard } from './ParticipantSummaryCard';
import { useGroup } from './use-group';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const CLIENTS_REFRESH = ['clients.changed'] as const;

/**
 * The desk of a group or family session: who each voice is (a client for each participant; the
 * clinician's turns are the shared context), then one summary per participant, each from their
 * own turns and approved on its own.
 */
export function ParticipantsPanel({ sessionId }: { sessionId: string }) {
  const group = useGroup(sessionId);
  const [problem, setProblem] = useState<string | null>(null);
  const attempt = (work: () => Promise<unknown>) =>
    void work().then(
      () => setProblem(null),
      (error: unknown) => setProblem(messageOf(error)),
    );
  const { view } = group;
  const mapped = view.status === 'ready' && view.data.speakers.some((s) => s.clientId !== null);
  return (
    <div className="participants-panel">
      <QueryNotice state={view} />
      {view.status === 'ready' && (
        <MappingForm
          key={view.data.speakers.map((s) => `${s.speakerId}:${s.clientId ?? ''}`).join(',')}
          speakers={view.data.speakers}
          onSave={(participants) => attempt(() => group.map(participants))}
        />
      )}
      <div className="participants-run">
        <Button
          variant="primary"
          disabled={!mapped || group.live}
          onClick={() => attempt(group.summarize)}
        >
          Write participant summaries
        </Button>
        {!mapped && <p className="muted">Choose a client for each participant first.</p>}
        {group.live && (
          <RunProgressLine label="Writing participant summaries" progress={group.progress} />
        )}
      </div>
      {group.latestRun?.status === 'failed' && (
        <Banner tone="danger" title="The summaries could not be written">
          {group.latestRun.errorMessage}
        </Banner>
      )}
      {problem && (
        <Banner tone="danger" title="That did not work">
          {problem}
        </Banner>
      )}
      {view.status === 'ready' &&
        view.data.summaries.map((summary) => (
          <ParticipantSummaryCard
            key={summary.id}
            summary={summary}
            heading={summary.clientName}
            onApprove={() => attempt(() => group.approve(summary.id))}
          />
        ))}
    </div>
  );
}

function speakerName(speaker: GroupSpeaker): string {
  return speaker.displayName ?? speaker.label.replace(/^SPEAKER_0*(\d+)$/, 'Speaker $1');
}

function MappingForm({
  speakers,
  onSave,
}: {
  speakers: GroupSpeaker[];
  onSave: (participants: { speakerId: string; clientId: string }[]) => void;
}) {
  const clients = useQuery('clients', (api) => api.call('clients.list', {}), CLIENTS_REFRESH);
  const [choice, setChoice] = useState<Record<string, string>>(() =>
    Object.fromEntries(speakers.map((s) => [s.speakerId, s.clientId ?? ''])),
  );
  const options = [
    { value: '', label: 'Not a participant' },
    ...(clients.status === 'ready' ? clients.data : []).map((c) => ({
      value: c.id,
      label: c.name,
    })),
  ];
  return (
    <form
      aria-label="Who each speaker is"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(
          Object.entries(choice)
            .filter(([, clientId]) => clientId !== '')
            .map(([speakerId, clientId]) => ({ speakerId, clientId })),
        );
      }}
    >
      <p className="muted">
        Choose the client each voice belongs to. The clinician&apos;s turns are the shared context
        of every summary.
      </p>
      <ul className="participant-speakers">
        {speakers.map((speaker) => (
          <li key={speaker.speakerId} data-testid="group-speaker" data-label={speaker.label}>
            <label className="field-inline">
              {speakerName(speaker)}
              {speaker.role === 'clinician' ? (
                <span className="muted"> — the clinician</span>
              ) : (
                <Select
                  value={choice[speaker.speakerId] ?? ''}
                  onChange={(event) =>
                    setChoice((current) => ({
                      ...current,
                      [speaker.speakerId]: event.target.value,
                    }))
                  }
                  options={options}
                />
              )}
            </label>
            <p className="muted participant-sample">
              {speaker.sample ? `“${speaker.sample}”` : 'Said nothing.'} ·{' '}
              {formatDuration(speaker.talkSec)} of speech
            </p>
          </li>
        ))}
      </ul>
      <Button type="submit">Save participants</Button>
    </form>
  );
}

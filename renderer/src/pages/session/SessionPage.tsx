import './session.css';
import { useMemo, useRef, useState } from 'react';
import { useApi } from '../../api/context';
import { Link, useParams } from 'react-router';
import { useQuery } from '../../api/use-query';
import { formatDuration } from '../../format';
import { AudioPlayer, type PlayerHandle } from './AudioPlayer';
import { ClientSelector } from './ClientSelector';
import { NotePanel } from './notes/NotePanel';
import { RiskBanner } from './notes/RiskBanner';
import { RunPanel } from './RunPanel';
import { SharingStatus } from './SharingStatus';
import { SpeakersPanel } from './SpeakersPanel';
import { TranscriptView, type SeekRequest } from './TranscriptView';
import { QueryNotice } from '../../ui/QueryNotice';

const REFRESH_ON = ['sessions.changed'] as const;
const TRANSCRIPT_REFRESH_ON = ['sessions.changed', 'runs.changed', 'transcript.changed'] as const;
const FLAGS_REFRESH_ON = ['sessions.changed', 'runs.changed'] as const;

export function SessionPage() {
  const { id = '' } = useParams();
  const state = useQuery(id, (api) => api.call('sessions.get', { id }), REFRESH_ON);
  const transcript = useQuery(
    `${id}:transcript`,
    (api) => api.call('sessions.transcript', { id }),
    TRANSCRIPT_REFRESH_ON,
  );
  const flags = useQuery(
    `${id}:flags`,
    (api) => api.call('riskFlags.list', { sessionId: id }),
    FLAGS_REFRESH_ON,
  );
  const segmentStart = useMemo(
    () => new Map(transcript.status === 'ready' ? transcript.data.map((l) => [l.id, l.start]) : []),
    [transcript],
  );
  const speakers = useQuery(
    `${id}:speakers`,
    (api) => api.call('speakers.list', { sessionId: id }),
    TRANSCRIPT_REFRESH_ON,
  );
  const speakerList = useMemo(() => (speakers.status === 'ready' ? speakers.data : []), [speakers]);
  // Colours follow the diarizer's labels, so a rename never repaints the transcript.
  const colourOf = (speakerId: string | null) =>
    Math.max(
      0,
      speakerList.findIndex((s) => s.id === speakerId),
    ) % 6;
  const player = useRef<PlayerHandle>(null);
  const [seekRequest, setSeekRequest] = useState<SeekRequest | null>(null);
  const seekAudio = (seconds: number) => player.current?.seek(seconds);
  // From a citation or a flag: the audio moves and the transcript scrolls to the same moment.
  const seek = (seconds: number) => {
    seekAudio(seconds);
    setSeekRequest((previous) => ({ seconds, serial: (previous?.serial ?? 0) + 1 }));
  };
  const [position, setPosition] = useState({ seconds: 0, playing: false });
  return (
    <section>
      <p>
        <Link to="/">← Sessions</Link>
      </p>
      <QueryNotice state={state} />
      {state.status === 'ready' && (
        <>
          <h1>{state.data.clientName ?? 'Unassigned client'}</h1>
          <dl className="facts">
            <dt>Client</dt>
            <dd>
              <ClientSelector
                sessionId={id}
                client={
                  state.data.clientId
                    ? { id: state.data.clientId, name: state.data.clientName ?? '' }
                    : null
                }
                signed={state.data.status === 'approved'}
              />
            </dd>
            <dt>Date</dt>
            <dd>{state.data.date}</dd>
            <dt>Kind</dt>
            <dd>{state.data.kind}</dd>
            <dt>Status</dt>
            <dd>{state.data.status}</dd>
            <dt>Recording</dt>
            <dd>{state.data.recording?.originalName ?? '—'}</dd>
            <dt>Duration</dt>
            <dd>{formatDuration(state.data.durationSec)}</dd>
          </dl>
          {state.data.recording?.audioDeletedAt != null && (
            <p className="muted" data-testid="audio-deleted">
              The recording was deleted on {formatDay(state.data.recording.audioDeletedAt)} under
              the practice&apos;s retention policy. The transcript and notes are kept.
            </p>
          )}
          {state.data.recording?.audioDeletedAt === null && (
            <AudioPlayer
              ref={player}
              sessionId={id}
              onTime={(seconds, playing) => setPosition({ seconds, playing })}
            />
          )}
          {flags.status === 'ready' && (
            <RiskBanner
              flags={flags.data}
              onSeekSegment={(segmentId) => seek(segmentStart.get(segmentId) ?? 0)}
            />
          )}
          <ApproveButton
            sessionId={id}
            approved={state.data.status === 'approved'}
            openFlags={
              flags.status === 'ready' ? flags.data.filter((f) => !f.acknowledgedAt).length : 0
            }
          />
          <SharingStatus sessionId={id} />
          <NotePanel sessionId={id} segmentStart={segmentStart} onSeek={seek} />
          <RunPanel sessionId={id} />
          {speakerList.length > 0 && (
            <SpeakersPanel speakers={speakerList} colourOf={(s) => colourOf(s.id)} />
          )}
          {state.data.transcriptDeletedAt !== null && (
            <p className="muted" data-testid="transcript-deleted">
              The transcript was deleted on {formatDay(state.data.transcriptDeletedAt)} under the
              practice&apos;s retention policy. The approved note is kept as it was signed.
            </p>
          )}
          {transcript.status === 'ready' && transcript.data.length > 0 && (
            <section aria-label="Transcript">
              <h2>Transcript</h2>
              <TranscriptView
                sessionId={id}
                seekRequest={seekRequest}
                lines={transcript.data}
                speakers={speakerList}
                colourOf={colourOf}
                time={position.seconds}
                playing={position.playing}
                onSeek={seekAudio}
              />
            </section>
          )}
        </>
      )}
    </section>
  );
}

/** A calendar day in the clinician's own locale. */
function formatDay(at: number): string {
  return new Date(at).toLocaleDateString();
}

/** Approve & sign: refused by the core while a risk flag is open; says why here too. */
function ApproveButton({
  sessionId,
  approved,
  openFlags,
}: {
  sessionId: string;
  approved: boolean;
  openFlags: number;
}) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  if (approved) return <p data-testid="approved">Approved and signed.</p>;
  return (
    <div className="approve">
      <button
        type="button"
        data-testid="approve"
        disabled={openFlags > 0}
        onClick={() =>
          void api.call('sessions.approve', { id: sessionId }).then(
            () => setError(null),
            (failure: unknown) =>
              setError(failure instanceof Error ? failure.message : String(failure)),
          )
        }
      >
        Approve &amp; sign
      </button>
      {openFlags > 0 && (
        <span className="muted">
          Acknowledge {openFlags} risk flag{openFlags === 1 ? '' : 's'} first.
        </span>
      )}
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </div>
  );
}

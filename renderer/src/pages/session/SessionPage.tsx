import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '../../api/use-query';
import { formatDuration } from '../../format';
import { AudioPlayer, type PlayerHandle } from './AudioPlayer';
import { RunPanel } from './RunPanel';
import { TranscriptView } from './TranscriptView';

const REFRESH_ON = ['sessions.changed'] as const;
const TRANSCRIPT_REFRESH_ON = ['sessions.changed', 'runs.changed'] as const;

export function SessionPage() {
  const { id = '' } = useParams();
  const state = useQuery(id, (api) => api.call('sessions.get', { id }), REFRESH_ON);
  const transcript = useQuery(
    `${id}:transcript`,
    (api) => api.call('sessions.transcript', { id }),
    TRANSCRIPT_REFRESH_ON,
  );
  const player = useRef<PlayerHandle>(null);
  const [position, setPosition] = useState({ seconds: 0, playing: false });
  return (
    <section>
      <p>
        <Link to="/">← Sessions</Link>
      </p>
      {state.status === 'loading' && <p className="muted">Loading…</p>}
      {state.status === 'error' && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <h1>{state.data.clientName ?? 'Unassigned client'}</h1>
          <dl className="facts">
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
          {state.data.recording && (
            <AudioPlayer
              ref={player}
              sessionId={id}
              onTime={(seconds, playing) => setPosition({ seconds, playing })}
            />
          )}
          <RunPanel sessionId={id} />
          {transcript.status === 'ready' && transcript.data.length > 0 && (
            <section aria-label="Transcript">
              <h2>Transcript</h2>
              <TranscriptView
                lines={transcript.data}
                time={position.seconds}
                playing={position.playing}
                onSeek={(seconds) => player.current?.seek(seconds)}
              />
            </section>
          )}
        </>
      )}
    </section>
  );
}

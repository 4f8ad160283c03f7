import './session.css';
import { useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { RiskFlag } from '../../../../shared/api/schemas';
import { useApi } from '../../api/context';
import { useQuery } from '../../api/use-query';
import { QueryNotice } from '../../ui/QueryNotice';
import { UpcomingSession } from '../brief/UpcomingSession';
import { AudioPlayer, type PlayerHandle } from './AudioPlayer';
import { DeskHeader } from './DeskHeader';
import { useDeskShortcuts } from './desk-shortcuts';
import { NotePanel } from './notes/NotePanel';
import { RiskBanner } from './notes/RiskBanner';
import { ShortcutsSheet } from './ShortcutsSheet';
import { SidePanel, type SidePanelKind } from './SidePanel';
import { SplitPanes } from './SplitPanes';
import type { Citation } from './notes/note-editing';
import type { Turn } from './transcript-turns';
import { TranscriptView, type SeekRequest } from './TranscriptView';
import { useSearchTarget } from './use-search-target';

const REFRESH_ON = ['sessions.changed'] as const;
const TRANSCRIPT_REFRESH_ON = ['sessions.changed', 'runs.changed', 'transcript.changed'] as const;
const FLAGS_REFRESH_ON = ['sessions.changed', 'runs.changed'] as const;

/**
 * The session desk: a header with where the session stands, the player pinned above, risk flags
 * where they cannot be missed, then the transcript and the note side by side (resizable), so a
 * statement is checked against what was said without scrolling. Details (processing, client,
 * sharing) and speaker tools open in a side panel. Keyboard: see desk-shortcuts.ts.
 */
export function SessionPage() {
  const { id = '' } = useParams();
  const api = useApi();
  const state = useQuery(id, (client) => client.call('sessions.get', { id }), REFRESH_ON);
  const transcript = useQuery(
    `${id}:transcript`,
    (client) => client.call('sessions.transcript', { id }),
    TRANSCRIPT_REFRESH_ON,
  );
  const flags = useQuery(
    `${id}:flags`,
    (client) => client.call('riskFlags.list', { sessionId: id }),
    FLAGS_REFRESH_ON,
  );
  const speakers = useQuery(
    `${id}:speakers`,
    (client) => client.call('speakers.list', { sessionId: id }),
    TRANSCRIPT_REFRESH_ON,
  );
  const segmentStart = useMemo(
    () => new Map(transcript.status === 'ready' ? transcript.data.map((l) => [l.id, l.start]) : []),
    [transcript],
  );
  const speakerList = useMemo(() => (speakers.status === 'ready' ? speakers.data : []), [speakers]);
  const flagList = useMemo(() => (flags.status === 'ready' ? flags.data : []), [flags]);
  const openFlags = flagList.filter((f) => f.acknowledgedAt === null).length;
  // Colours follow the diarizer's labels, so a rename never repaints the transcript.
  const colourOf = (speakerId: string | null) =>
    Math.max(
      0,
      speakerList.findIndex((s) => s.id === speakerId),
    ) % 6;

  const player = useRef<PlayerHandle>(null);
  const [seekRequest, setSeekRequest] = useState<SeekRequest | null>(null);
  const [position, setPosition] = useState({ seconds: 0, playing: false });
  const [panel, setPanel] = useState<SidePanelKind | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [selectedTurn, setSelectedTurn] = useState<Turn | null>(null);
  const [approveError, setApproveError] = useState<string | null>(null);
  const [citation, setCitation] = useState<Citation | null>(null);
  const flagCursor = useRef(-1);

  const seekAudio = (seconds: number) => player.current?.seek(seconds);
  // From a citation or a flag: the audio moves and the transcript scrolls to the same moment.
  const seek = (seconds: number) => {
    seekAudio(seconds);
    setSeekRequest((previous) => ({ seconds, serial: (previous?.serial ?? 0) + 1 }));
  };
  const seekSegment = (segmentId: string | undefined) => {
    if (segmentId !== undefined) seek(segmentStart.get(segmentId) ?? 0);
  };
  // Opened from a search hit (?segment=…&t=…): there, lit and focused, the audio waiting there.
  useSearchTarget(state.status === 'ready' && transcript.status !== 'loading', (segmentId, at) => {
    const seconds = at ?? (segmentId === null ? undefined : segmentStart.get(segmentId)) ?? 0;
    seekAudio(seconds);
    setSeekRequest((previous) => ({
      seconds,
      serial: (previous?.serial ?? 0) + 1,
      ...(segmentId !== null && { segmentId }),
      focus: true,
    }));
  });

  const approve = () => {
    if (state.status !== 'ready' || state.data.status === 'approved') return;
    api.call('sessions.approve', { id }).then(
      () => setApproveError(null),
      (failure: unknown) =>
        setApproveError(failure instanceof Error ? failure.message : String(failure)),
    );
  };

  useDeskShortcuts({
    nextFlag: (step) => {
      // Open flags first: they are the ones that need the clinician.
      const pending = flagList.filter((f) => f.acknowledgedAt === null);
      const pool: RiskFlag[] = pending.length > 0 ? pending : flagList;
      if (pool.length === 0) return;
      flagCursor.current = (flagCursor.current + step + pool.length) % pool.length;
      const flag = pool[flagCursor.current];
      if (!flag) return;
      seekSegment(flag.segmentIds[0]);
      const item = document.querySelector<HTMLElement>(`[data-flag-id="${flag.id}"]`);
      const target = item?.querySelector<HTMLElement>('[data-action="acknowledge"]') ?? item;
      target?.focus();
    },
    approve,
    showShortcuts: () => setShortcutsOpen(true),
  });

  if (state.status !== 'ready')
    return (
      <section className="desk">
        <p>
          <Link to="/">← Sessions</Link>
        </p>
        <QueryNotice state={state} />
      </section>
    );
  const session = state.data;
  if (session.status === 'scheduled') return <UpcomingSession session={session} />;
  const recordingKept = session.recording?.audioDeletedAt === null;
  return (
    <section className="desk">
      <div className="desk-top">
        <DeskHeader
          session={session}
          openFlags={openFlags}
          panel={panel}
          onPanel={(kind) => setPanel((current) => (current === kind ? null : kind))}
          onShortcuts={() => setShortcutsOpen(true)}
          onApprove={approve}
          approveError={approveError}
        />
        {recordingKept && (
          <AudioPlayer
            ref={player}
            sessionId={id}
            onTime={(seconds, playing) => setPosition({ seconds, playing })}
          />
        )}
        {session.recording?.audioDeletedAt != null && (
          <p className="muted" data-testid="audio-deleted">
            The recording was deleted on {formatDay(session.recording.audioDeletedAt)} under the
            practice&apos;s retention policy. The transcript and notes are kept.
          </p>
        )}
        <RiskBanner flags={flagList} onSeekSegment={seekSegment} />
      </div>
      <div className={`desk-body${panel ? ' with-panel' : ''}`}>
        <SplitPanes
          left={
            <section className="desk-pane" aria-labelledby="transcript-title">
              <h2 id="transcript-title">Transcript</h2>
              {session.transcriptDeletedAt !== null && (
                <p className="muted" data-testid="transcript-deleted">
                  The transcript was deleted on {formatDay(session.transcriptDeletedAt)} under the
                  practice&apos;s retention policy. The approved note is kept as it was signed.
                </p>
              )}
              {transcript.status === 'ready' && transcript.data.length > 0 ? (
                <TranscriptView
                  sessionId={id}
                  seekRequest={seekRequest}
                  lines={transcript.data}
                  colourOf={colourOf}
                  time={position.seconds}
                  playing={position.playing}
                  selectedTurnId={selectedTurn?.id ?? null}
                  onSelectTurn={setSelectedTurn}
                  onCite={setCitation}
                  onSeek={seekAudio}
                />
              ) : (
                session.transcriptDeletedAt === null && (
                  <p className="empty-state muted">
                    The transcript appears here once the recording is processed.
                  </p>
                )
              )}
            </section>
          }
          right={
            <section className="desk-pane" aria-label="Note">
              <NotePanel
                sessionId={id}
                segmentStart={segmentStart}
                onSeek={seek}
                citation={citation}
                onCitationDone={() => setCitation(null)}
              />
            </section>
          }
        />
        {panel && (
          <SidePanel
            kind={panel}
            session={session}
            speakers={speakerList}
            colourOf={colourOf}
            selectedTurn={selectedTurn}
            onClose={() => setPanel(null)}
          />
        )}
      </div>
      <ShortcutsSheet open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </section>
  );
}

/** A calendar day in the clinician's own locale. */
function formatDay(at: number): string {
  return new Date(at).toLocaleDateString();
}

import type { SessionDetail, Speaker } from '../../../../shared/api/schemas';
import { formatDuration } from '../../format';
import { KindSelector } from '../group/KindSelector';
import { ParticipantsPanel } from '../group/ParticipantsPanel';
import { ClientSelector } from './ClientSelector';
import { RunPanel } from './RunPanel';
import { SharingStatus } from './SharingStatus';
import { SpeakersPanel } from './SpeakersPanel';
import type { Turn } from './transcript-turns';

export type SidePanelKind = 'details' | 'speakers' | 'participants';

const TITLES: Record<SidePanelKind, string> = {
  details: 'Details',
  speakers: 'Speakers',
  participants: 'Participants',
};

/**
 * What the clinician needs now and then, beside the desk rather than on it: the session's details
 * (client, recording, processing and its stages, sharing), or the speaker tools.
 */
export function SidePanel({
  kind,
  session,
  speakers,
  colourOf,
  selectedTurn,
  onClose,
}: {
  kind: SidePanelKind;
  session: SessionDetail;
  speakers: Speaker[];
  colourOf: (speakerId: string | null) => number;
  selectedTurn: Turn | null;
  onClose: () => void;
}) {
  return (
    <aside
      id="desk-side-panel"
      className="desk-side"
      aria-label={kind === 'details' ? 'Session details' : TITLES[kind]}
    >
      <div className="desk-side-head">
        <h2>{TITLES[kind]}</h2>
        <button type="button" className="btn btn-ghost btn-sm" onClick={onClose}>
          Close<span className="visually-hidden"> the {kind} panel</span>
        </button>
      </div>
      {kind === 'participants' ? (
        <ParticipantsPanel sessionId={session.id} />
      ) : kind === 'details' ? (
        <>
          <dl className="facts">
            <dt>Client</dt>
            <dd>
              <ClientSelector
                sessionId={session.id}
                client={
                  session.clientId ? { id: session.clientId, name: session.clientName ?? '' } : null
                }
                signed={session.status === 'approved'}
              />
            </dd>
            <dt>Date</dt>
            <dd>{session.date}</dd>
            <dt>Kind</dt>
            <dd>
              <KindSelector
                sessionId={session.id}
                kind={session.kind}
                signed={session.status === 'approved'}
              />
            </dd>
            <dt>Recording</dt>
            <dd>{session.recording?.originalName ?? '—'}</dd>
            <dt>Duration</dt>
            <dd>{formatDuration(session.durationSec)}</dd>
          </dl>
          <SharingStatus sessionId={session.id} />
          <RunPanel sessionId={session.id} />
        </>
      ) : speakers.length > 0 ? (
        <SpeakersPanel
          speakers={speakers}
          colourOf={(s) => colourOf(s.id)}
          selectedTurn={selectedTurn}
        />
      ) : (
        <p className="muted">Speakers appear once the recording is processed.</p>
      )}
    </aside>
  );
}

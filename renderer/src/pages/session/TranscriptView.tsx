import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Speaker, TranscriptLine } from '../../../../shared/api/schemas';
import { useApi } from '../../api/context';
import { formatDuration } from '../../format';
import './transcript.css';
import { groupTurns, turnAt, type Turn } from './transcript-turns';
import { TurnEditor } from './TurnEditor';

/** A seek asked for elsewhere (a citation, a risk flag): the transcript scrolls there too. */
export interface SeekRequest {
  seconds: number;
  /** Tells two requests for the same second apart. */
  serial: number;
}

/**
 * The transcript as speaker turns, virtualised (a two-hour session's thousands of segments keep a
 * few dozen nodes). The turn being played is highlighted and kept in view while playing; clicking
 * a turn (or pressing Enter on it) seeks the audio there, clicking a sentence seeks to it. A turn's
 * text can be corrected in place; Ctrl+Z (or a turn's Undo) steps back the latest correction.
 */
export function TranscriptView({
  sessionId,
  lines,
  speakers,
  colourOf,
  time,
  playing,
  seekRequest,
  onSeek,
}: {
  sessionId: string;
  lines: TranscriptLine[];
  speakers: Speaker[];
  colourOf: (speakerId: string | null) => number;
  time: number;
  playing: boolean;
  seekRequest: SeekRequest | null;
  onSeek: (seconds: number) => void;
}) {
  const api = useApi();
  const turns = useMemo(() => groupTurns(lines), [lines]);
  const current = turnAt(turns, time);
  const [editing, setEditing] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const scroller = useRef<HTMLDivElement>(null);
  // The React Compiler cannot memoise through useVirtualizer; Cairn does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: turns.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 72,
    overscan: 6,
  });
  useEffect(() => {
    if (playing && current >= 0 && editing === null)
      virtualizer.scrollToIndex(current, { align: 'auto' });
  }, [playing, current, virtualizer, editing]);
  useEffect(() => {
    if (!seekRequest) return;
    const index = turnAt(turns, seekRequest.seconds);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
    // Only a new request scrolls; turns changing under it (a correction) must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seekRequest, virtualizer]);

  const undo = (segmentIds?: string[]) =>
    api.call('transcript.undo', { sessionId, segmentIds }).then(
      ({ line }) =>
        setAnnouncement(
          line ? `Correction at ${formatDuration(line.start)} undone.` : 'Nothing to undo.',
        ),
      (error: unknown) =>
        setAnnouncement(
          `Could not undo: ${error instanceof Error ? error.message : String(error)}`,
        ),
    );

  return (
    <>
      <p className="transcript-status muted" role="status" data-testid="transcript-status">
        {announcement}
      </p>
      <div
        ref={scroller}
        className="transcript-scroller"
        aria-label="Transcript"
        onKeyDown={(event) => {
          if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
            event.preventDefault();
            void undo();
          }
        }}
      >
        <ol
          className="transcript"
          data-testid="transcript"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const turn = turns[item.index];
            if (!turn) return null;
            const isEditing = editing === turn.id;
            return (
              <li
                key={turn.id}
                ref={virtualizer.measureElement}
                data-index={item.index}
                data-turn-start={turn.start}
                className={`turn speaker-${colourOf(turn.speakerId)}${item.index === current ? ' current' : ''}`}
                aria-current={item.index === current ? 'true' : undefined}
                style={{ transform: `translateY(${item.start}px)` }}
                tabIndex={0}
                onClick={() => onSeek(turn.start)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && event.target === event.currentTarget)
                    onSeek(turn.start);
                }}
              >
                <TurnHead
                  turn={turn}
                  speakers={speakers}
                  editing={isEditing}
                  onEdit={() => setEditing(turn.id)}
                  onUndo={() => void undo(turn.lines.map((l) => l.id))}
                />
                {isEditing ? (
                  <TurnEditor turn={turn} onClose={() => setEditing(null)} />
                ) : (
                  <p>
                    {turn.lines.map((line) => (
                      <span
                        key={line.id}
                        className={line.corrected ? 'line corrected' : 'line'}
                        data-line-start={line.start}
                        title={line.corrected ? 'Corrected' : undefined}
                        onClick={(event) => {
                          event.stopPropagation();
                          onSeek(line.start);
                        }}
                      >
                        {line.text}{' '}
                      </span>
                    ))}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      </div>
    </>
  );
}

/** Who, when, and what can be done to the turn: reassign, correct, undo a correction. */
function TurnHead({
  turn,
  speakers,
  editing,
  onEdit,
  onUndo,
}: {
  turn: Turn;
  speakers: Speaker[];
  editing: boolean;
  onEdit: () => void;
  onUndo: () => void;
}) {
  const api = useApi();
  const corrected = turn.lines.some((l) => l.corrected);
  const at = formatDuration(turn.start);
  // Buttons and the select act on the turn; their clicks and keys must not seek or play.
  const keep = (event: { stopPropagation: () => void }) => event.stopPropagation();
  return (
    <div className="turn-head">
      <strong>{turn.speaker}</strong> <span className="muted">{formatDuration(turn.start)}</span>
      {corrected && <span className="corrected-badge">corrected</span>}
      {speakers.length > 1 && (
        <select
          className="turn-speaker"
          aria-label="Who said this turn"
          value={turn.speakerId ?? ''}
          onClick={keep}
          onKeyDown={keep}
          onChange={(event) =>
            void api.call('transcript.reassign', {
              segmentIds: turn.lines.map((l) => l.id),
              speakerId: event.target.value,
            })
          }
        >
          {speakers.map((s) => (
            <option key={s.id} value={s.id}>
              {s.displayName ?? s.label}
            </option>
          ))}
        </select>
      )}
      {!editing && (
        <span className="turn-actions" onClick={keep} onKeyDown={keep}>
          <button type="button" className="link-button" data-testid="edit-turn" onClick={onEdit}>
            Edit<span className="visually-hidden"> the text of the turn at {at}</span>
          </button>
          {corrected && (
            <button type="button" className="link-button" data-testid="undo-turn" onClick={onUndo}>
              Undo
              <span className="visually-hidden"> the latest correction of the turn at {at}</span>
            </button>
          )}
        </span>
      )}
    </div>
  );
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TranscriptLine } from '../../../../shared/api/schemas';
import { useApi } from '../../api/context';
import { formatDuration } from '../../format';
import './transcript.css';
import { groupTurns, turnAt, type Turn } from './transcript-turns';
import { TurnEditor } from './TurnEditor';
import type { Citation } from './notes/note-editing';

/** A seek asked for elsewhere (a citation, a risk flag): the transcript scrolls there too. */
export interface SeekRequest {
  seconds: number;
  /** Tells two requests for the same second apart. */
  serial: number;
  /** A search hit's segment: its turn is the one marked, its words lit for a moment. */
  segmentId?: string;
  /** Move the focus to the turn too, so a screen reader reads where the page opened. */
  focus?: boolean;
}

/** How long a segment opened from a search stays lit: long enough to find it with the eye. */
const FOUND_MS = 4000;

/**
 * The transcript as speaker turns, virtualised (a two-hour session's thousands of segments keep a
 * few dozen nodes). The turn being played is highlighted and kept in view while playing; clicking
 * a turn (or pressing Enter on it) seeks the audio there and selects it (the Speakers panel can
 * then say who said it), clicking a sentence seeks to it. A turn a citation or a flag asked for
 * is scrolled to and marked for a moment. A turn's text can be corrected in place; Ctrl+Z (or a
 * turn's Undo) steps back the latest correction.
 */
export function TranscriptView({
  sessionId,
  lines,
  colourOf,
  time,
  playing,
  seekRequest,
  selectedTurnId,
  onSelectTurn,
  onCite,
  onSeek,
}: {
  sessionId: string;
  lines: TranscriptLine[];
  colourOf: (speakerId: string | null) => number;
  time: number;
  playing: boolean;
  seekRequest: SeekRequest | null;
  selectedTurnId: string | null;
  onSelectTurn: (turn: Turn) => void;
  /** Words chosen in the transcript, to cite in the note. */
  onCite: (citation: Citation) => void;
  onSeek: (seconds: number) => void;
}) {
  const api = useApi();
  const turns = useMemo(() => groupTurns(lines), [lines]);
  const current = turnAt(turns, time);
  const [editing, setEditing] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // The turn a citation or a flag asked for, marked until the next request.
  const [cited, setCited] = useState<number | null>(null);
  const [chosen, setChosen] = useState<Citation | null>(null);
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
  // The segment a search opened, lit until FOUND_MS has passed.
  const [found, setFound] = useState<string | null>(null);
  useEffect(() => {
    if (!seekRequest) return;
    const { segmentId } = seekRequest;
    const ofSegment = segmentId
      ? turns.findIndex((t) => t.lines.some((l) => l.id === segmentId))
      : -1;
    const index = ofSegment >= 0 ? ofSegment : turnAt(turns, seekRequest.seconds);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
    setCited(index >= 0 ? index : null);
    setFound(segmentId ?? null);
    const stopFocus = seekRequest.focus && index >= 0 ? focusTurn(scroller.current, index) : null;
    const unlight = window.setTimeout(() => setFound(null), FOUND_MS);
    return () => {
      stopFocus?.();
      window.clearTimeout(unlight);
    };
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
      {chosen && (
        <div className="cite-bar" data-testid="cite-bar">
          <span className="muted">
            {chosen.segmentIds.length} line{chosen.segmentIds.length === 1 ? '' : 's'} chosen
          </span>
          <button
            type="button"
            className="btn btn-primary btn-sm"
            data-testid="cite-in-note"
            onClick={() => {
              onCite(chosen);
              setChosen(null);
              window.getSelection()?.removeAllRanges();
            }}
          >
            Cite in note
          </button>
        </div>
      )}
      <div
        ref={scroller}
        className="transcript-scroller"
        aria-label="Transcript"
        onMouseUp={() => setChosen(chosenWords(scroller.current))}
        onKeyUp={() => setChosen(chosenWords(scroller.current))}
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
                className={`turn speaker-${colourOf(turn.speakerId)}${item.index === current ? ' current' : ''}${item.index === cited ? ' cited' : ''}${turn.id === selectedTurnId ? ' selected' : ''}`}
                aria-current={item.index === current ? 'true' : undefined}
                data-cited={item.index === cited ? 'true' : undefined}
                style={{ transform: `translateY(${item.start}px)` }}
                tabIndex={0}
                onClick={() => {
                  onSelectTurn(turn);
                  onSeek(turn.start);
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && event.target === event.currentTarget) {
                    onSelectTurn(turn);
                    onSeek(turn.start);
                  }
                }}
              >
                <TurnHead
                  turn={turn}
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
                        className={`line${line.corrected ? ' corrected' : ''}${line.id === found ? ' found' : ''}`}
                        data-line-start={line.start}
                        data-line-id={line.id}
                        data-found={line.id === found ? 'true' : undefined}
                        title={line.corrected ? 'Corrected' : undefined}
                        onClick={(event) => {
                          event.stopPropagation();
                          onSelectTurn(turn);
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

/**
 * Who, when, and what can be done to the turn's text: correct it, undo a correction. Who said it
 * is changed in the Speakers panel, not on every turn.
 */
function TurnHead({
  turn,
  editing,
  onEdit,
  onUndo,
}: {
  turn: Turn;
  editing: boolean;
  onEdit: () => void;
  onUndo: () => void;
}) {
  const corrected = turn.lines.some((l) => l.corrected);
  const at = formatDuration(turn.start);
  // Buttons and the select act on the turn; their clicks and keys must not seek or play.
  const keep = (event: { stopPropagation: () => void }) => event.stopPropagation();
  return (
    <div className="turn-head">
      <strong>{turn.speaker}</strong> <span className="muted">{formatDuration(turn.start)}</span>
      {corrected && <span className="corrected-badge">corrected</span>}
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

/**
 * The words selected inside the transcript, and the lines they touch: what "Cite in note" cites.
 * Nothing when the selection is empty or lies outside the transcript.
 */
function chosenWords(scroller: HTMLElement | null): Citation | null {
  const selection = window.getSelection();
  const quote = selection?.toString().replace(/\s+/g, ' ').trim() ?? '';
  if (!scroller || !selection || selection.rangeCount === 0 || quote === '') return null;
  if (!scroller.contains(selection.anchorNode) || !scroller.contains(selection.focusNode))
    return null;
  const segmentIds = [...scroller.querySelectorAll<HTMLElement>('[data-line-id]')]
    .filter((line) => selection.containsNode(line, true))
    .map((line) => line.dataset.lineId ?? '')
    .filter(Boolean);
  return segmentIds.length > 0 ? { quote, segmentIds } : null;
}

/**
 * Focuses the turn at `index` once the virtualiser has rendered it (it scrolls there first, so the
 * node appears a frame or two later). Returns a stop, for a newer request that comes first.
 */
function focusTurn(scroller: HTMLElement | null, index: number): () => void {
  let frame = 0;
  let tries = 0;
  const attempt = () => {
    const turn = scroller?.querySelector<HTMLElement>(`li[data-index="${index}"]`);
    if (turn) turn.focus({ preventScroll: true });
    else if (++tries < 60) frame = requestAnimationFrame(attempt);
  };
  frame = requestAnimationFrame(attempt);
  return () => cancelAnimationFrame(frame);
}

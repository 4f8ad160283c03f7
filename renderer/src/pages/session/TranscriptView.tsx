import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { Speaker, TranscriptLine } from '../../../../shared/api/schemas';
import { useApi } from '../../api/context';
import { formatDuration } from '../../format';
import { groupTurns, turnAt } from './transcript-turns';

/**
 * The transcript as speaker turns, virtualised (a two-hour session's thousands of segments keep a
 * few dozen nodes). The turn being played is highlighted and kept in view while playing; clicking
 * a turn (or pressing Enter on it) seeks the audio there.
 */
export function TranscriptView({
  lines,
  speakers,
  colourOf,
  time,
  playing,
  onSeek,
}: {
  lines: TranscriptLine[];
  speakers: Speaker[];
  colourOf: (speakerId: string | null) => number;
  time: number;
  playing: boolean;
  onSeek: (seconds: number) => void;
}) {
  const api = useApi();
  const turns = useMemo(() => groupTurns(lines), [lines]);
  const current = turnAt(turns, time);
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
    if (playing && current >= 0) virtualizer.scrollToIndex(current, { align: 'auto' });
  }, [playing, current, virtualizer]);

  return (
    <div ref={scroller} className="transcript-scroller" aria-label="Transcript">
      <ol
        className="transcript"
        data-testid="transcript"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const turn = turns[item.index];
          if (!turn) return null;
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
                if (event.key === 'Enter') onSeek(turn.start);
              }}
            >
              <div className="turn-head">
                <strong>{turn.speaker}</strong>{' '}
                <span className="muted">{formatDuration(turn.start)}</span>
                {speakers.length > 1 && (
                  <select
                    className="turn-speaker"
                    aria-label="Who said this turn"
                    value={turn.speakerId ?? ''}
                    onClick={(event) => event.stopPropagation()}
                    onKeyDown={(event) => event.stopPropagation()}
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
              </div>
              <p>{turn.lines.map((line) => line.text).join(' ')}</p>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { TranscriptLine } from '../../../../shared/api/schemas';
import { formatDuration } from '../../format';
import { groupTurns, speakerColours, turnAt } from './transcript-turns';

/**
 * The transcript as speaker turns, virtualised (a two-hour session's thousands of segments keep a
 * few dozen nodes). The turn being played is highlighted and kept in view while playing; clicking
 * a turn (or pressing Enter on it) seeks the audio there.
 */
export function TranscriptView({
  lines,
  time,
  playing,
  onSeek,
}: {
  lines: TranscriptLine[];
  time: number;
  playing: boolean;
  onSeek: (seconds: number) => void;
}) {
  const turns = useMemo(() => groupTurns(lines), [lines]);
  const colours = useMemo(() => speakerColours(turns), [turns]);
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
              className={`turn speaker-${colours.get(turn.speaker) ?? 0}${item.index === current ? ' current' : ''}`}
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
              </div>
              <p>{turn.lines.map((line) => line.text).join(' ')}</p>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

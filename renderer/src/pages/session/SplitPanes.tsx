import { useState, type ReactNode } from 'react';

const STORAGE_KEY = 'cairn.desk.split';
const MIN = 25;
const MAX = 75;
const STEP = 5;

function initialSplit(): number {
  const stored = Number(window.localStorage.getItem(STORAGE_KEY));
  return Number.isFinite(stored) && stored >= MIN && stored <= MAX ? stored : 50;
}

/**
 * Two panes side by side with a separator between them that a mouse drags and a keyboard moves
 * (arrow keys, 5 % a press): the transcript and the note, checked against each other without
 * scrolling. The split is remembered on this machine.
 */
export function SplitPanes({ left, right }: { left: ReactNode; right: ReactNode }) {
  const [split, setSplit] = useState(initialSplit);
  const keep = (value: number) => {
    const clamped = Math.round(Math.min(MAX, Math.max(MIN, value)));
    setSplit(clamped);
    window.localStorage.setItem(STORAGE_KEY, String(clamped));
  };
  return (
    <div className="desk-panes" style={{ gridTemplateColumns: `${split}fr auto ${100 - split}fr` }}>
      {left}
      <div
        className="desk-separator"
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize the transcript and the note"
        aria-valuemin={MIN}
        aria-valuemax={MAX}
        aria-valuenow={split}
        tabIndex={0}
        onKeyDown={(event) => {
          if (event.key === 'ArrowLeft') keep(split - STEP);
          else if (event.key === 'ArrowRight') keep(split + STEP);
          else return;
          // The player listens for arrows too; here they move the separator only.
          event.preventDefault();
          event.stopPropagation();
        }}
        onPointerDown={(event) => {
          const panes = event.currentTarget.parentElement;
          if (!panes) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          const box = panes.getBoundingClientRect();
          const move = (e: PointerEvent) => keep(((e.clientX - box.left) / box.width) * 100);
          const stop = () => {
            window.removeEventListener('pointermove', move);
            window.removeEventListener('pointerup', stop);
          };
          window.addEventListener('pointermove', move);
          window.addEventListener('pointerup', stop);
        }}
      />
      {right}
    </div>
  );
}

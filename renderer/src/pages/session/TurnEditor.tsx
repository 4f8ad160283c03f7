import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/context';
import { useAutosave } from '../../api/use-autosave';
import { formatDuration } from '../../format';
import { SaveStatus } from '../../ui/SaveStatus';
import type { Turn } from './transcript-turns';

/** Typing pauses this long before a line is saved; leaving the field saves at once. */
const SAVE_AFTER_MS = 500;

/**
 * A turn's text, one field per transcript line (lines keep their own times, so the audio stays
 * one click away after a correction). Each line is saved as the clinician types; the core keeps
 * every version, so a correction can be undone.
 */
export function TurnEditor({ turn, onClose }: { turn: Turn; onClose: () => void }) {
  const api = useApi();
  // Drafts start from the text when editing began; later refreshes must not overwrite typing.
  const [drafts, setDrafts] = useState(() => new Map(turn.lines.map((l) => [l.id, l.text])));
  const autosave = useAutosave<string>(
    (segmentId, text) => api.call('transcript.correct', { segmentId, text }),
    SAVE_AFTER_MS,
  );
  const firstField = useRef<HTMLTextAreaElement>(null);
  useEffect(() => firstField.current?.focus(), []);
  const close = () => {
    autosave.flush();
    onClose();
  };

  return (
    // Clicks and keys stay here: in the turn they would seek the audio or play it.
    <div
      className="turn-editor"
      role="group"
      aria-label={`Correct the text of ${turn.speaker}'s turn at ${formatDuration(turn.start)}`}
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Escape') close();
      }}
    >
      {turn.lines.map((line, index) => (
        <div key={line.id} className="turn-editor-line">
          <span className="muted" aria-hidden="true">
            {formatDuration(line.start)}
          </span>
          <textarea
            ref={index === 0 ? firstField : undefined}
            aria-label={`Text at ${formatDuration(line.start)}`}
            data-testid="turn-editor-field"
            value={drafts.get(line.id) ?? ''}
            rows={Math.max(1, Math.ceil((drafts.get(line.id)?.length ?? 0) / 90))}
            onChange={(event) => {
              const text = event.target.value;
              setDrafts((current) => new Map(current).set(line.id, text));
              autosave.schedule(line.id, text);
            }}
            onBlur={autosave.flush}
          />
        </div>
      ))}
      <div className="turn-editor-actions">
        <SaveStatus state={autosave.state} testId="turn-save-state" />
        <button type="button" onClick={close}>
          Done
        </button>
      </div>
    </div>
  );
}

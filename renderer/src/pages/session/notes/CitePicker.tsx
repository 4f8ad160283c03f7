import type { NoteContent } from '../../../../../shared/api/note-schemas';
import type { Citation } from './note-editing';

/** Where words chosen in the transcript go: one button per section of the note. */
export function CitePicker({
  citation,
  sections,
  onPick,
  onCancel,
}: {
  citation: Citation;
  sections: NoteContent['sections'];
  onPick: (sectionKey: string) => void;
  onCancel: () => void;
}) {
  return (
    <div
      className="cite-picker"
      role="group"
      aria-label="Cite the chosen words"
      data-testid="cite-picker"
    >
      <p>
        Cite{' '}
        <q>{citation.quote.length > 90 ? `${citation.quote.slice(0, 90)}…` : citation.quote}</q> in:
      </p>
      <div className="cite-picker-actions">
        {sections.map((section) => (
          <button
            key={section.key}
            type="button"
            className="btn btn-secondary btn-sm"
            onClick={() => onPick(section.key)}
          >
            {section.title}
          </button>
        ))}
        <button type="button" className="btn btn-ghost btn-sm" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

import { useState } from 'react';
import type { Note, NoteContent } from '../../../../../shared/api/note-schemas';
import { useApi } from '../../../api/context';
import { useAutosave } from '../../../api/use-autosave';
import { SaveStatus } from '../../../ui/SaveStatus';
import { useQuery } from '../../../api/use-query';
import { formatDuration } from '../../../format';
import { Addenda } from './Addenda';
import { CitePicker } from './CitePicker';
import { ExportMenu } from './ExportMenu';
import { RefinePanel } from './RefinePanel';
import {
  changeOf,
  editableContent,
  withCitedItem,
  withItemText,
  withNewItem,
  withoutItem,
  type Citation,
} from './note-editing';

const REFRESH_ON = ['runs.changed', 'sessions.changed'] as const;
const NEVER = [] as const;
/** Typing pauses this long before the version is saved; leaving the field saves at once. */
const SAVE_AFTER_MS = 500;

/**
 * The note: the AI draft as editable sections, saved as the clinician's version while they type
 * (no save button to forget; each save is a revision), changes against the draft visible,
 * citations one click from the audio, unverified statements marked, one section regenerated on
 * demand. Signed notes are read-only.
 */
export function NotePanel({
  sessionId,
  segmentStart,
  onSeek,
  citation,
  onCitationDone,
}: {
  sessionId: string;
  segmentStart: ReadonlyMap<string, number>;
  onSeek: (seconds: number) => void;
  /** Words chosen in the transcript to cite in a statement, until placed or dismissed. */
  citation: Citation | null;
  onCitationDone: () => void;
}) {
  const api = useApi();
  const templates = useQuery('templates', (a) => a.call('templates.list', {}), NEVER);
  const notes = useQuery(
    `${sessionId}:notes`,
    (a) => a.call('notes.list', { sessionId }),
    REFRESH_ON,
  );
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const available = notes.status === 'ready' ? notes.data : [];
  const chosen = templateId ?? available[0]?.templateId ?? 'soap';
  const queried = available.find((n) => n.templateId === chosen);
  // The note as an accepted refinement left it, until the list catches up (or moves past it).
  const [refined, setRefined] = useState<Note | null>(null);
  const note =
    refined &&
    refined.id === queried?.id &&
    (refined.clinician?.updatedAt ?? 0) > (queried.clinician?.updatedAt ?? 0)
      ? refined
      : queried;

  const writeNote = async () => {
    setMessage(null);
    const status = await api.call('notes.providerStatus', {});
    if (!status.ready) return setMessage(status.message);
    await api
      .call('pipeline.process', {
        sessionId,
        options: { startFrom: 'notes', template: chosen },
        waiting: true,
      })
      .then(
        () => setMessage('Writing the note… it appears here when it is ready.'),
        (error: unknown) => setMessage(error instanceof Error ? error.message : String(error)),
      );
  };

  return (
    <section aria-labelledby="note-title" className="note-panel" data-testid="note-panel">
      <div className="note-head">
        <h2 id="note-title">Note</h2>
        <label>
          Template{' '}
          <select value={chosen} onChange={(event) => setTemplateId(event.target.value)}>
            {(templates.status === 'ready' ? templates.data : []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        {!note?.ai && (
          <button type="button" onClick={() => void writeNote()}>
            Write note
          </button>
        )}
        {note?.ai && (
          <ExportMenu noteId={note.id} signed={note.status === 'approved'} onOutcome={setMessage} />
        )}
      </div>
      {message && (
        <p className="muted" role="status" data-testid="note-message">
          {message}
        </p>
      )}
      {note?.ai ? (
        <div className="note-with-refine">
          <NoteEditor
            // A new revision from refinement starts the editor again from it.
            key={`${note.id}:${refined?.clinician?.updatedAt ?? 0}`}
            note={note}
            segmentStart={segmentStart}
            onSeek={onSeek}
            citation={citation}
            onCitationDone={onCitationDone}
          />
          <RefinePanel note={note} onAccepted={setRefined} />
        </div>
      ) : (
        notes.status === 'ready' && <p className="muted">No {chosen} note yet.</p>
      )}
    </section>
  );
}

function NoteEditor({
  note,
  segmentStart,
  onSeek,
  citation,
  onCitationDone,
}: {
  note: Note;
  segmentStart: ReadonlyMap<string, number>;
  onSeek: (seconds: number) => void;
  citation: Citation | null;
  onCitationDone: () => void;
}) {
  const api = useApi();
  const ai = note.ai?.content as NoteContent;
  const [content, setContent] = useState(() => editableContent(ai, note.clinician?.content));
  const autosave = useAutosave<NoteContent>(
    (_, next) => api.call('notes.saveClinicianVersion', { id: note.id, content: next }),
    SAVE_AFTER_MS,
  );
  const { flush } = autosave;
  const [regenerateError, setRegenerateError] = useState<string | null>(null);
  const [showChanges, setShowChanges] = useState(false);
  const [busySection, setBusySection] = useState<string | null>(null);
  const locked = note.status === 'approved';

  const edit = (next: NoteContent) => {
    setContent(next);
    autosave.schedule('note', next);
  };

  const regenerate = async (key: string) => {
    flush();
    setBusySection(key);
    setRegenerateError(null);
    try {
      const updated = await api.call('notes.regenerateSection', { id: note.id, section: key });
      setContent(editableContent(updated.ai?.content ?? ai, updated.clinician?.content));
    } catch (error) {
      setRegenerateError(error instanceof Error ? error.message : String(error));
    } finally {
      setBusySection(null);
    }
  };

  return (
    <div className="note-editor">
      <div className="note-status">
        {locked ? (
          <span data-testid="note-locked">
            Signed by {note.approvedBy} on {new Date(note.approvedAt ?? 0).toLocaleString()}.
            Locked.
          </span>
        ) : (
          <SaveStatus state={autosave.state} testId="save-state" />
        )}
        <label>
          <input
            type="checkbox"
            checked={showChanges}
            onChange={(e) => setShowChanges(e.target.checked)}
          />{' '}
          Show changes from the AI draft
        </label>
        <span className="muted">
          {note.ai?.generation.mode === 'extractive'
            ? 'No language model'
            : `${note.ai?.generation.model ?? ''} · ${note.ai?.generation.provider ?? ''}`}
        </span>
      </div>
      {note.ai?.generation.mode === 'extractive' && (
        <p className="notice" data-testid="extractive-draft">
          <strong>Extractive draft — no language model.</strong> These are sentences from the
          transcript chosen by rules, not a written note. Edit them into your note.{' '}
          {note.ai.generation.warnings?.[0]}
        </p>
      )}
      {regenerateError && (
        <p role="alert" className="error">
          The section was not regenerated: {regenerateError}
        </p>
      )}
      {citation && !locked && (
        <CitePicker
          citation={citation}
          sections={content.sections}
          onPick={(key) => {
            edit(withCitedItem(content, key, citation));
            onCitationDone();
          }}
          onCancel={onCitationDone}
        />
      )}
      {content.sections.map((section) => (
        <fieldset key={section.key} className="note-section" data-section={section.key}>
          <legend>{section.title}</legend>
          {note.ai?.generation.sections?.find((draft) => draft.key === section.key)?.status ===
            'not_drafted' && (
            <p className="notice" data-testid="section-not-drafted">
              Could not be drafted — write it yourself.
            </p>
          )}
          {/* A required section the model left empty, filled from the transcript by rules: said
              here, not only on each statement, so it is not read as the model's summary. */}
          {note.ai?.generation.mode !== 'extractive' &&
            note.ai?.generation.sections?.find((draft) => draft.key === section.key)?.status ===
              'extractive' && (
              <p className="notice" data-testid="section-extractive">
                Nothing the model wrote here could be kept: these are sentences from the transcript
                chosen by rules.
              </p>
            )}
          {section.items.map((item, index) => {
            const change = changeOf(ai, section.key, index, item);
            return (
              <div
                key={index}
                className={`note-item${item.supported ? '' : ' unsupported'}`}
                data-testid="note-item"
              >
                <textarea
                  aria-label={`${section.title}, statement ${index + 1}`}
                  value={item.text}
                  readOnly={locked}
                  rows={2}
                  onChange={(event) =>
                    edit(withItemText(content, section.key, index, event.target.value))
                  }
                  onBlur={flush}
                />
                {!item.supported && (
                  <p className="unsupported-mark" role="note">
                    Not found in the transcript — check before signing. {item.problems.join(' ')}
                  </p>
                )}
                <div className="citations">
                  {item.origin === 'extractive' && note.ai?.generation.mode !== 'extractive' && (
                    <span className="key-fact" data-testid="key-fact">
                      Transcript’s words: the model left this out
                    </span>
                  )}
                  {item.segmentIds.map((id) => (
                    <button
                      key={id}
                      type="button"
                      className="citation"
                      onClick={() => onSeek(segmentStart.get(id) ?? 0)}
                    >
                      {formatDuration(segmentStart.get(id) ?? null)}
                    </button>
                  ))}
                  {showChanges && change.kind === 'edited' && (
                    <span className="was">AI draft: {change.was}</span>
                  )}
                  {showChanges && change.kind === 'added' && (
                    <span className="was">Added by you</span>
                  )}
                  {!locked && (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => edit(withoutItem(content, section.key, index))}
                    >
                      Remove
                    </button>
                  )}
                </div>
              </div>
            );
          })}
          {!locked && (
            <div className="section-actions">
              <button type="button" onClick={() => edit(withNewItem(content, section.key))}>
                Add statement
              </button>
              <button
                type="button"
                disabled={busySection !== null}
                onClick={() => void regenerate(section.key)}
              >
                {busySection === section.key ? 'Regenerating…' : 'Regenerate section'}
              </button>
            </div>
          )}
        </fieldset>
      ))}
      {locked && <Addenda noteId={note.id} />}
    </div>
  );
}

import { useEffect, useState, type KeyboardEvent } from 'react';
import type { Note, NoteContent } from '../../../../../shared/api/note-schemas';
import type { RunProgress } from '../../../../../shared/api/schemas';
import { useApi } from '../../../api/context';
import { useQuery } from '../../../api/use-query';
import { RunProgressLine } from '../../../ui/RunProgressLine';
import { RefineDiff, RefineHistory } from './RefineDiff';

const REFRESH_ON = ['runs.changed'] as const;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Refinement chat beside the note: the clinician asks for a change (to a section or the whole
 * note), sees the model's words as it drafts (cancellable), then the proposed revision as a diff
 * against the current version, and accepts, edits or rejects it. A signed note is closed to it.
 */
export function RefinePanel({
  note,
  onAccepted,
}: {
  note: Note;
  /** The note as accepting made it, so the editor shows the new revision at once. */
  onAccepted: (note: Note) => void;
}) {
  const api = useApi();
  const [serial, setSerial] = useState(0);
  const history = useQuery(
    `${note.id}:refine:${serial}`,
    (client) => client.call('refine.list', { noteId: note.id }),
    REFRESH_ON,
  );
  const [request, setRequest] = useState('');
  const [section, setSection] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Words and progress are kept with the refinement and run they belong to.
  const [words, setWords] = useState({ id: '', text: '' });
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [editing, setEditing] = useState<NoteContent | null>(null);
  const list = history.status === 'ready' ? history.data : [];
  const drafting = list.find((r) => r.status === 'drafting');
  const open = [...list].reverse().find((r) => r.status === 'proposed');
  const locked = note.status === 'approved';
  const sections = (note.clinician ?? note.ai)?.content.sections ?? [];

  // The one just asked for is listened to at once, before the list has reloaded with it.
  const [asked, setAsked] = useState<{ id: string; runId: string } | null>(null);
  const draftingId = drafting?.id ?? asked?.id;
  const draftingRun = drafting?.runId ?? asked?.runId;
  useEffect(() => {
    if (!draftingId) return;
    const offTokens = api.on('refine.tokens', (event) => {
      if (event.refinementId === draftingId)
        setWords((before) => ({
          id: draftingId,
          text: (before.id === draftingId ? before.text : '') + event.text,
        }));
    });
    const offProgress = api.on('runs.progress', (update) => {
      if (update.runId === draftingRun) setProgress(update);
    });
    return () => {
      offTokens();
      offProgress();
    };
  }, [api, draftingId, draftingRun]);

  const done = () => {
    setEditing(null);
    setSerial((n) => n + 1);
  };
  const act = (work: Promise<unknown>) =>
    work.then(
      () => {
        setError(null);
        done();
      },
      (failure: unknown) => setError(messageOf(failure)),
    );

  const ask = (event?: { preventDefault: () => void }) => {
    event?.preventDefault();
    if (request.trim() === '') return;
    void act(
      api
        .call('refine.request', {
          noteId: note.id,
          request,
          ...(section ? { section } : {}),
        })
        .then((result) => {
          setRequest('');
          setAsked({ id: result.refinementId, runId: result.runId });
        }),
    );
  };
  const onKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) ask(event);
  };
  const accept = (content?: NoteContent) => {
    if (!open) return;
    void act(
      api.call('refine.accept', { id: open.id, ...(content ? { content } : {}) }).then(onAccepted),
    );
  };

  return (
    <section className="refine-panel" aria-labelledby="refine-title" data-testid="refine-panel">
      <h3 id="refine-title">Refine</h3>
      {locked ? (
        <p data-testid="refine-closed">
          Refinement is closed: this note is signed. To change it, add an addendum below.
        </p>
      ) : (
        <form onSubmit={ask} className="refine-ask">
          <label>
            Refine{' '}
            <select value={section} onChange={(e) => setSection(e.target.value)}>
              <option value="">the whole note</option>
              {sections.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            What should change?
            <textarea
              value={request}
              rows={2}
              placeholder="For example: make the plan shorter"
              onChange={(e) => setRequest(e.target.value)}
              onKeyDown={onKey}
              disabled={drafting !== undefined}
            />
          </label>
          <span className="muted">Enter sends; Shift+Enter starts a new line.</span>
          <button type="submit" disabled={drafting !== undefined || request.trim() === ''}>
            Ask
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {drafting && (
        <div className="refine-drafting">
          <RunProgressLine
            label="Drafting the revision"
            progress={progress?.runId === drafting.runId ? progress : null}
          />
          {words.id === drafting.id && words.text && (
            <pre className="refine-words" aria-label="What the notes model is writing">
              {words.text}
            </pre>
          )}
          <button
            type="button"
            onClick={() =>
              drafting.runId && void act(api.call('runs.cancel', { id: drafting.runId }))
            }
          >
            Cancel
          </button>
        </div>
      )}
      {open && !locked && (
        <div className="refine-proposal" data-testid="refine-proposal">
          <p>
            Proposed for <q>{open.request}</q>
            {open.mode === 'rules' ? ' by rules' : open.model ? ` by ${open.model}` : ''}.
          </p>
          {open.message && <p className="muted">{open.message}</p>}
          {editing ? (
            <ProposalEditor content={editing} onChange={setEditing} />
          ) : (
            open.diff && <RefineDiff diff={open.diff} />
          )}
          <div className="refine-actions">
            {editing ? (
              <button type="button" onClick={() => accept(editing)}>
                Accept my edit
              </button>
            ) : (
              <>
                <button type="button" onClick={() => accept()}>
                  Accept
                </button>
                <button type="button" onClick={() => setEditing(open.proposed)}>
                  Edit
                </button>
              </>
            )}
            <button
              type="button"
              onClick={() => void act(api.call('refine.reject', { id: open.id }))}
            >
              Reject
            </button>
          </div>
        </div>
      )}
      <RefineHistory history={list} />
    </section>
  );
}

/** The proposal's statements as text fields, for the clinician to change before accepting. */
function ProposalEditor({
  content,
  onChange,
}: {
  content: NoteContent;
  onChange: (next: NoteContent) => void;
}) {
  const setText = (key: string, index: number, text: string) =>
    onChange({
      ...content,
      sections: content.sections.map((s) =>
        s.key === key
          ? {
              ...s,
              items: s.items.map((item, i) =>
                i === index && item.text !== text ? { ...item, text, origin: 'clinician' } : item,
              ),
            }
          : s,
      ),
    });
  return (
    <div className="refine-edit">
      {content.sections.map((s) => (
        <fieldset key={s.key}>
          <legend>{s.title}</legend>
          {s.items.map((item, index) => (
            <textarea
              key={index}
              aria-label={`${s.title}, proposed statement ${index + 1}`}
              value={item.text}
              rows={2}
              onChange={(e) => setText(s.key, index, e.target.value)}
            />
          ))}
        </fieldset>
      ))}
    </div>
  );
}

import type { Refinement } from '../../../../../shared/api/refine-schemas';

/**
 * A proposal against the version it would replace, word by word, changed sections only.
 * Insertions and deletions are marked (<ins>/<del>) and said in words for a screen reader.
 */
export function RefineDiff({ diff }: { diff: NonNullable<Refinement['diff']> }) {
  const changed = diff.sections.filter((s) => s.changed);
  if (changed.length === 0) return <p className="muted">No words would change.</p>;
  return (
    <div className="refine-diff" data-testid="refine-diff">
      <p className="muted">
        {diff.added} words added, {diff.removed} removed.
      </p>
      {changed.map((section) => (
        <section key={section.key} aria-label={`Changes to ${section.title}`}>
          <h4>{section.title}</h4>
          <p className="refine-diff-text">
            {section.parts.map((part, index) =>
              part.op === 'same' ? (
                <span key={index}>{part.text}</span>
              ) : part.op === 'add' ? (
                <ins key={index}>
                  <span className="visually-hidden">[added: </span>
                  {part.text}
                  <span className="visually-hidden">]</span>
                </ins>
              ) : (
                <del key={index}>
                  <span className="visually-hidden">[removed: </span>
                  {part.text}
                  <span className="visually-hidden">]</span>
                </del>
              ),
            )}
          </p>
        </section>
      ))}
    </div>
  );
}

const OUTCOME: Record<Refinement['status'], string> = {
  drafting: 'drafting',
  proposed: 'waiting for you',
  accepted: 'accepted',
  edited: 'accepted with your edits',
  rejected: 'rejected',
  failed: 'not done',
};

/** Who asked what, when, by what, and what became of it; oldest first, like a conversation. */
export function RefineHistory({ history }: { history: readonly Refinement[] }) {
  if (history.length === 0) return null;
  return (
    <section aria-labelledby="refine-history-title">
      <h4 id="refine-history-title">History</h4>
      <ol className="refine-history" data-testid="refine-history">
        {history.map((r) => (
          <li key={r.id} data-status={r.status}>
            <q>{r.request}</q>{' '}
            <span className="muted">
              {r.sectionKey ? `(${r.sectionKey})` : '(whole note)'} · {r.requestedBy} ·{' '}
              {new Date(r.createdAt).toLocaleString()} ·{' '}
              {r.mode === 'model' ? (r.model ?? 'notes model') : r.mode === 'rules' ? 'rules' : '—'}
            </span>{' '}
            — <strong>{OUTCOME[r.status]}</strong>
            {r.status === 'failed' && r.message && <span className="muted"> · {r.message}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

import type { Refinement } from '../../../../shared/api/refine-schemas';

/** A refinement's proposal in words: what changed per section, git word-diff style. */

const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');

export function renderRefinement(refinement: Refinement): string {
  const by =
    refinement.mode === 'model'
      ? `the notes model ${refinement.model ?? ''}`.trim()
      : refinement.mode === 'rules'
        ? 'rules'
        : 'nobody';
  const lines = [`Refinement ${refinement.id} (${refinement.status}, by ${by})`];
  if (refinement.message) lines.push(refinement.message);
  const diff = refinement.diff;
  if (diff) {
    lines.push(`${diff.added} words added, ${diff.removed} removed. [-removed-] {+added+}`);
    for (const section of diff.sections.filter((s) => s.changed)) {
      const text = section.parts
        .map((p) => (p.op === 'same' ? p.text : p.op === 'add' ? `{+${p.text}+}` : `[-${p.text}-]`))
        .join('');
      lines.push('', `  ${section.title}`, indent(text));
    }
  }
  return lines.join('\n');
}

const when = (at: number) => new Date(at).toISOString().slice(0, 16).replace('T', ' ');

/** The note's refinements, oldest first: who asked what, when, by what, and the outcome. */
export function renderHistory(history: readonly Refinement[]): string {
  if (history.length === 0) return 'No refinements yet.';
  return history
    .map((r) => {
      const target = r.sectionKey ? ` (${r.sectionKey})` : ' (whole note)';
      const by = r.mode === 'model' ? (r.model ?? 'model') : (r.mode ?? '–');
      return `${when(r.createdAt)}  ${r.requestedBy}: "${r.request}"${target} → ${r.status}, by ${by}  [${r.id}]`;
    })
    .join('\n');
}

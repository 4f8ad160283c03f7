import { diffWordsWithSpace } from 'diff';
import type { NoteContent } from '../api/note-schemas';

/**
 * A proposed note against the version it would replace, section by section, word by word: what
 * the clinician reads before accepting. Computed here once, so the CLI and the desk show the same.
 * The alignment is jsdiff's (Myers' algorithm over words and the spaces between them).
 */

export interface DiffPart {
  op: 'same' | 'add' | 'del';
  text: string;
}

export interface SectionDiff {
  key: string;
  title: string;
  changed: boolean;
  parts: DiffPart[];
}

export interface NoteDiff {
  sections: SectionDiff[];
  /** Words added and removed over the whole note. */
  added: number;
  removed: number;
}

/** Word-level diff of two texts; at a change, what went comes before what came, as a reader expects. */
export function diffWords(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = diffWordsWithSpace(before, after).map((change) => ({
    op: change.added ? 'add' : change.removed ? 'del' : 'same',
    text: change.value,
  }));
  return merged(parts.flatMap(withLineBreaksOutside));
}

/**
 * Statements are lines: a change's leading or trailing line break is shown as unchanged, so a
 * removed statement reads as one marked line rather than a mark running across two.
 */
function withLineBreaksOutside(part: DiffPart): DiffPart[] {
  if (part.op === 'same') return [part];
  const match = /^(\n*)([\s\S]*?)(\n*)$/.exec(part.text);
  const [, lead = '', body = '', trail = ''] = match ?? [];
  return [
    { op: 'same', text: lead },
    { op: part.op, text: body },
    { op: 'same', text: trail },
  ];
}

/** Neighbouring parts of one kind joined, so a rewritten sentence reads as one change. */
function merged(parts: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    if (part.text === '') continue;
    const last = out.at(-1);
    if (last?.op === part.op) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}

/** A section's statements as the diff reads them: one a line. */
export function sectionText(content: NoteContent, key: string): string {
  const section = content.sections.find((s) => s.key === key);
  return (section?.items ?? []).map((item) => item.text.trim()).join('\n');
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

export function diffNotes(before: NoteContent, after: NoteContent): NoteDiff {
  const keys = [...new Set([...before.sections, ...after.sections].map((s) => s.key))];
  let added = 0;
  let removed = 0;
  const sections = keys.map((key) => {
    const title =
      (after.sections.find((s) => s.key === key) ?? before.sections.find((s) => s.key === key))
        ?.title ?? key;
    const parts = diffWords(sectionText(before, key), sectionText(after, key));
    for (const part of parts) {
      if (part.op === 'add') added += wordCount(part.text);
      if (part.op === 'del') removed += wordCount(part.text);
    }
    return { key, title, changed: parts.some((p) => p.op !== 'same'), parts };
  });
  return { sections, added, removed };
}

import type { NoteContent } from '../api/note-schemas';

/**
 * A proposed note against the version it would replace, section by section, word by word: what
 * the clinician reads before accepting. Computed here once, so the CLI and the desk show the same.
 * (jsdiff would do this; it is not among the app's dependencies, and a word-level longest common
 * subsequence over one section is a few lines.)
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

/** Above this many word pairs a section is shown as replaced whole (a pathological size). */
const MAX_CELLS = 4_000_000;

/** Words with the spaces after them, so joining the parts gives the text back. */
function tokens(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

const same = (a: string, b: string) => a.trim() === b.trim();

/** Word-level diff of two texts: the longest common subsequence, the rest deleted or added. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  if (a.length * b.length > MAX_CELLS)
    return merged([
      { op: 'del', text: before },
      { op: 'add', text: after },
    ]);
  // lcs at (i, j): the longest common subsequence of a[i..] and b[j..], read forwards below.
  const width = b.length + 1;
  const lcs = new Int32Array((a.length + 1) * width);
  const at = (i: number, j: number) => lcs[i * width + j] as number;
  for (let i = a.length - 1; i >= 0; i -= 1)
    for (let j = b.length - 1; j >= 0; j -= 1)
      lcs[i * width + j] = same(a[i] as string, b[j] as string)
        ? at(i + 1, j + 1) + 1
        : Math.max(at(i + 1, j), at(i, j + 1));
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const left = a[i];
    const right = b[j];
    if (left !== undefined && right !== undefined && same(left, right)) {
      parts.push({ op: 'same', text: right });
      i += 1;
      j += 1;
    } else if (left !== undefined && (right === undefined || at(i + 1, j) >= at(i, j + 1))) {
      // Deletions before insertions at a change, as a reader expects: what went, then what came.
      parts.push({ op: 'del', text: left });
      i += 1;
    } else {
      parts.push({ op: 'add', text: right ?? '' });
      j += 1;
    }
  }
  return merged(parts);
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

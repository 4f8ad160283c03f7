import type { NoteContent, NoteItem } from '../../../../../shared/api/note-schemas';

/** The content the clinician edits: their version if they have one, else a copy of the draft. */
export function editableContent(ai: NoteContent, clinician: NoteContent | undefined): NoteContent {
  return structuredClone(clinician ?? ai);
}

export function withItemText(
  content: NoteContent,
  sectionKey: string,
  index: number,
  text: string,
): NoteContent {
  return mapSection(content, sectionKey, (items) =>
    items.map((item, i) => (i === index ? { ...item, text } : item)),
  );
}

export function withNewItem(content: NoteContent, sectionKey: string): NoteContent {
  const item: NoteItem = {
    text: '',
    segmentIds: [],
    quote: '',
    fields: {},
    supported: true,
    problems: [],
    origin: 'clinician',
  };
  return mapSection(content, sectionKey, (items) => [...items, item]);
}

/** Words chosen in the transcript, and the lines they came from. */
export interface Citation {
  quote: string;
  segmentIds: string[];
}

/**
 * A statement made from words chosen in the transcript: it starts as those words, in quotation
 * marks, citing their lines, for the clinician to rewrite in their own words.
 */
export function withCitedItem(
  content: NoteContent,
  sectionKey: string,
  citation: Citation,
): NoteContent {
  const item: NoteItem = {
    text: `“${citation.quote}”`,
    segmentIds: citation.segmentIds,
    quote: citation.quote,
    fields: {},
    supported: true,
    problems: [],
    origin: 'clinician',
  };
  return mapSection(content, sectionKey, (items) => [...items, item]);
}

export function withoutItem(content: NoteContent, sectionKey: string, index: number): NoteContent {
  return mapSection(content, sectionKey, (items) => items.filter((_, i) => i !== index));
}

function mapSection(
  content: NoteContent,
  key: string,
  change: (items: NoteItem[]) => NoteItem[],
): NoteContent {
  return {
    ...content,
    sections: content.sections.map((s) => (s.key === key ? { ...s, items: change(s.items) } : s)),
  };
}

/** How a statement differs from the AI draft: unchanged, edited (with the draft's words), or added. */
export type ItemChange = { kind: 'same' } | { kind: 'edited'; was: string } | { kind: 'added' };

export function changeOf(
  ai: NoteContent,
  sectionKey: string,
  index: number,
  item: NoteItem,
): ItemChange {
  if (item.origin === 'clinician' && item.segmentIds.length === 0) return { kind: 'added' };
  const original = ai.sections.find((s) => s.key === sectionKey)?.items[index];
  if (!original) return { kind: 'added' };
  return original.text === item.text ? { kind: 'same' } : { kind: 'edited', was: original.text };
}

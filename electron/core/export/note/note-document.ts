import type { NoteContent, NoteItem } from '../../../../shared/api/note-schemas';
import type { ClientNaming } from '../../../../shared/api/note-export-schemas';
import { readSetting } from '../../config/settings';
import { ValidationError } from '../../errors';
import { findTemplate } from '../../notes/write-note';
import type { Db } from '../../store/open-database';
import { addendaOf } from '../../store/repositories/note-addenda';
import { getNote, noteRevisions } from '../../store/repositories/notes';
import { getSessionSummary } from '../../store/repositories/sessions';

/**
 * A note as a document: everything an export shows, gathered once, so the PDF, the Word file,
 * the Markdown, the EHR text and the FHIR resources all say the same thing.
 */
export interface NoteDocument {
  noteId: string;
  sessionId: string;
  templateId: string;
  /** The template's name, e.g. "SOAP". */
  title: string;
  /** The practice's name, then its address lines; empty when the setting is not filled in. */
  practice: string[];
  /** Initials or the full name (by setting or this export's choice); null: no client assigned. */
  client: string | null;
  /** The session's calendar day, YYYY-MM-DD. */
  sessionDate: string;
  /** The recording's length in whole minutes, when known. */
  durationMinutes: number | null;
  /** Who signed it; for a draft, who last edited it (or the one exporting). */
  clinician: string;
  /** In the template's order; a section the template no longer has comes after. */
  sections: DocumentSection[];
  /** null: a draft, marked "Draft — not signed" in every format. */
  signed: { by: string; at: number } | null;
  /** Oldest first; only a signed note has any. */
  addenda: { author: string; at: number; text: string }[];
  /** When the version exported was last changed (the signing time for a signed note). */
  updatedAt: number;
}

export interface DocumentSection {
  key: string;
  title: string;
  statements: DocumentStatement[];
}

export interface DocumentStatement {
  /** The words as written, with a template field (an intervention's status…) after them. */
  text: string;
  /**
   * A draft's statement whose evidence did not check out: marked on paper so an unsigned draft
   * never reads as checked. A signed note's statements are the clinician's, printed as signed.
   */
  unverified: boolean;
}

/** Gathers the note, its session, client, template, signature and addenda into a document. */
export function noteDocument(
  db: Db,
  noteId: string,
  options: { names?: ClientNaming; actor: string; resourcesDir?: string },
): NoteDocument {
  const note = getNote(db, noteId);
  if (!note) throw new ValidationError('note_not_found', `There is no note with id ${noteId}.`);
  const version = note.clinician ?? note.ai;
  if (!version)
    throw new ValidationError(
      'note_empty',
      'This note has not been written yet: nothing to export.',
    );
  const session = getSessionSummary(db, note.sessionId);
  if (!session)
    throw new ValidationError('session_not_found', 'The note’s session no longer exists.');
  const template = templateOf(db, note.templateId, options.resourcesDir);
  const naming = options.names ?? readSetting(db, 'exportClientName');
  const signed =
    note.status === 'approved' && note.approvedAt !== null
      ? { by: note.approvedBy ?? 'unknown', at: note.approvedAt }
      : null;
  const lastEditor = noteRevisions(db, note.id)
    .filter((r) => r.version === 'clinician')
    .at(-1)?.author;
  return {
    noteId: note.id,
    sessionId: note.sessionId,
    templateId: note.templateId,
    title: template.name,
    practice: practiceLines(readSetting(db, 'exportPracticeHeader')),
    client: session.clientName === null ? null : nameOf(session.clientName, naming),
    sessionDate: session.date,
    durationMinutes: session.durationSec === null ? null : Math.round(session.durationSec / 60),
    clinician: signed?.by ?? lastEditor ?? options.actor,
    sections: inTemplateOrder(
      version.content,
      template.sections.map((s) => s.key),
      signed === null,
    ),
    signed,
    addenda: addendaOf(db, note.id).map((a) => ({
      author: a.author,
      at: a.createdAt,
      text: a.text,
    })),
    updatedAt: signed?.at ?? version.updatedAt,
  };
}

/**
 * The template's name and section order. A practice's own template deleted since the note was
 * written still exports: titled by its id, sections in the order the note has them.
 */
function templateOf(db: Db, templateId: string, resourcesDir?: string) {
  try {
    return findTemplate(db, templateId, resourcesDir);
  } catch (error) {
    if (!(error instanceof ValidationError) || error.code !== 'template_not_found') throw error;
    return { name: templateId, sections: [] as { key: string }[] };
  }
}

/** "Zoë Anne Marchetti" → "Z. A. M."; a name that is one word keeps its first letter only. */
export function initialsOf(name: string): string {
  return name
    .trim()
    .split(/[\s-]+/u)
    .filter((word) => word.length > 0)
    .map((word) => `${firstLetter(word).toLocaleUpperCase()}.`)
    .join(' ');
}

/** The first character as a reader sees it (a letter with its accent, even when decomposed). */
function firstLetter(word: string): string {
  const [first] = new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(
    word.normalize('NFC'),
  );
  return first?.segment ?? '';
}

function nameOf(name: string, naming: ClientNaming): string {
  return naming === 'full' ? name.trim() : initialsOf(name);
}

/** The setting's lines, trimmed, blank ones dropped. */
function practiceLines(header: string): string[] {
  return header
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

function inTemplateOrder(content: NoteContent, order: string[], draft: boolean): DocumentSection[] {
  const rank = (key: string) => {
    const index = order.indexOf(key);
    return index === -1 ? order.length : index;
  };
  return [...content.sections]
    .sort((a, b) => rank(a.key) - rank(b.key))
    .map((section) => ({
      key: section.key,
      title: section.title,
      statements: section.items
        .filter((item) => item.text.trim().length > 0)
        .map((item) => statementOf(item, draft)),
    }));
}

function statementOf(item: NoteItem, draft: boolean): DocumentStatement {
  const fields = Object.entries(item.fields)
    .map(([key, value]) => `${key.replace(/_/g, ' ')}: ${value}`)
    .join('; ');
  return {
    text: `${item.text.trim()}${fields ? ` (${fields})` : ''}`,
    unverified: draft && item.origin !== 'clinician' && !item.supported,
  };
}

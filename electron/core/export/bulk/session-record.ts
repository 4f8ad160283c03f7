import type { Note, NoteContent } from '../../../../shared/api/note-schemas';
import type { SessionKind, SessionStatus } from '../../../../shared/domain/enums';
import type { Db } from '../../store/open-database';
import { addendaOf } from '../../store/repositories/note-addenda';
import { notesOfSession } from '../../store/repositories/notes';
import { findRecordingForSession } from '../../store/repositories/recordings';
import { getSessionRow } from '../../store/repositories/sessions';
import { readTranscript, speakersOf } from '../../store/repositories/transcript';
import type { ExportIdentity } from './export-identity';
import type { ScrubNames } from './scrub-text';

/** The export's own schema; bumped when a field changes meaning or goes away. */
export const EXPORT_FORMAT = { format: 'cairn-export', version: 1 } as const;

export interface ExportedSection {
  key: string;
  title: string;
  statements: string[];
}

export interface ExportedNote {
  id: string;
  templateId: string;
  status: Note['status'];
  signedAt: string | null;
  signedBy: string | null;
  /**
   * The version that is the record: the clinician's when they edited the draft, else the AI
   * draft as signed. `source` says which.
   */
  record: { source: 'clinician' | 'ai_draft'; sections: ExportedSection[] } | null;
  /** The notes model's (or the rules') draft as written, whatever the clinician did with it. */
  aiDraft: { label: string; mode: string; sections: ExportedSection[] } | null;
  addenda: { text: string; author: string | null; at: string }[];
}

export interface SessionRecord {
  format: typeof EXPORT_FORMAT.format;
  version: typeof EXPORT_FORMAT.version;
  kind: 'session';
  session: {
    id: string;
    client: string | null;
    clientName: string | null;
    date: string;
    kind: SessionKind;
    status: SessionStatus;
    durationSec: number | null;
  };
  speakers: { label: string; speaker: string; role: string }[];
  notes: ExportedNote[];
  transcript: { start: number; end: number; speaker: string; text: string }[];
}

const AI_DRAFT_LABEL = 'AI draft, as written before the clinician’s review';
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Free texts are collected first and de-identified in one pass per session (the de-identifier
 * learns a name said once with a cue and finds it everywhere else); `take` hands them back in order.
 */
class TextPool {
  readonly texts: string[] = [];
  private done: string[] = [];
  private read = 0;
  add(text: string): void {
    this.texts.push(text);
  }
  finish(scrubbed: string[]): void {
    this.done = scrubbed;
  }
  take(): string {
    const text = this.done[this.read] ?? '';
    this.read += 1;
    return text;
  }
}

const sectionsOf = (content: NoteContent, pool: TextPool) =>
  content.sections.map((section) => {
    for (const item of section.items) pool.add(item.text);
    return () => ({
      key: section.key,
      title: section.title,
      statements: section.items.map(() => pool.take()),
    });
  });

/**
 * A record read from the library whose free texts still await de-identification (in a worker):
 * `build` makes the record from the texts as they are to be exported, in the order of `texts`.
 */
export interface PendingRecord<T> {
  texts: string[];
  names: ScrubNames | null;
  build(texts: string[]): T;
}

/** One session as its export file holds it; undefined when the session is gone. */
export function sessionRecord(
  db: Db,
  sessionId: string,
  identity: ExportIdentity,
): PendingRecord<SessionRecord> | undefined {
  const session = getSessionRow(db, sessionId);
  if (!session) return undefined;
  const sessionRef = identity.session(session.id);
  const pool = new TextPool();
  const speakers = speakersOf(db, sessionId);
  const nameOf = new Map(
    speakers.map((s) => [s.label, identity.speaker(s.displayName, s.role, s.label)]),
  );
  const segments = readTranscript(db, sessionId);
  for (const segment of segments) pool.add(segment.text);
  const notes = notesOfSession(db, sessionId).map((note) => {
    const record = note.clinician ?? note.ai;
    const recordSections = record ? sectionsOf(record.content, pool) : null;
    const draftSections = note.ai ? sectionsOf(note.ai.content, pool) : null;
    const addenda = addendaOf(db, note.id);
    for (const addendum of addenda) pool.add(addendum.text);
    return (): ExportedNote => ({
      id: identity.identified ? note.id : `${sessionRef}-${note.templateId}`,
      templateId: note.templateId,
      status: note.status,
      signedAt: iso(note.approvedAt),
      signedBy: identity.person(note.approvedBy),
      record: recordSections && {
        source: note.clinician ? 'clinician' : 'ai_draft',
        sections: recordSections.map((build) => build()),
      },
      aiDraft:
        note.ai && draftSections
          ? {
              label: AI_DRAFT_LABEL,
              mode: note.ai.generation.mode,
              sections: draftSections.map((build) => build()),
            }
          : null,
      addenda: addenda.map((addendum) => ({
        text: pool.take(),
        author: identity.person(addendum.author),
        at: new Date(addendum.createdAt).toISOString(),
      })),
    });
  });
  return {
    texts: pool.texts,
    names: identity.scrubNames(sessionId, session.clientId),
    build: (texts) => {
      pool.finish(texts);
      // Taken in the order added: the transcript first, then each note as it was collected.
      const transcript = segments.map((segment) => ({
        start: segment.start,
        end: segment.end,
        speaker: segment.speakerLabel
          ? (nameOf.get(segment.speakerLabel) ?? `Speaker ${segment.speakerLabel}`)
          : 'Unknown speaker',
        text: pool.take(),
      }));
      return {
        ...EXPORT_FORMAT,
        kind: 'session',
        session: {
          id: sessionRef,
          client: session.clientId ? identity.client(session.clientId) : null,
          clientName: session.clientId ? identity.clientName(session.clientId) : null,
          date: session.date,
          kind: session.kind,
          status: session.status,
          durationSec: findRecordingForSession(db, sessionId)?.durationSec ?? null,
        },
        speakers: speakers.map((s) => ({
          label: s.label,
          speaker: nameOf.get(s.label) ?? s.label,
          role: s.role,
        })),
        notes: notes.map((build) => build()),
        transcript,
      };
    },
  };
}

import { z } from 'zod';
import { Id } from './schemas';

/**
 * Exports of one note: a PDF or Word file, Markdown, plain text laid out for pasting into an
 * EHR's note fields, and HL7 FHIR R4 (a DocumentReference with a Composition, in a Bundle).
 */
export const NOTE_EXPORT_FORMATS = ['pdf', 'docx', 'md', 'ehr', 'fhir'] as const;
export type NoteExportFormat = (typeof NOTE_EXPORT_FORMATS)[number];

/** How the client is named in an export: initials (the default setting) or the full name. */
export const CLIENT_NAMING = ['initials', 'full'] as const;
export type ClientNaming = (typeof CLIENT_NAMING)[number];

export const NoteExportInput = z.object({
  noteId: Id,
  format: z.enum(NOTE_EXPORT_FORMATS),
  /** This export only; default the exportClientName setting. */
  names: z.enum(CLIENT_NAMING).optional(),
  /**
   * An absolute path whose extension fits the format (.pdf, .docx, .md, .txt for ehr, .json for
   * fhir), in a folder that exists: the file is written there (whole or not at all) and no
   * content returns. Without it the content returns.
   */
  path: z.string().min(1).max(4096).optional(),
});
export type NoteExportInput = z.infer<typeof NoteExportInput>;

export const NoteExportResult = z.object({
  /** A name to save it under; it never carries the client's name. */
  fileName: z.string(),
  mimeType: z.string(),
  /** The size of the file (bytes of UTF-8 for the text formats). */
  bytes: z.number().int().nonnegative(),
  /** md, ehr and fhir: the content, when no path was given. */
  text: z.string().optional(),
  /** pdf and docx: the file as base64, when no path was given. */
  base64: z.string().optional(),
  /** The file written; null when the content returned instead. */
  path: z.string().nullable(),
});
export type NoteExportResult = z.infer<typeof NoteExportResult>;

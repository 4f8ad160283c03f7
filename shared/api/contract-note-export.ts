import { NoteExportInput, NoteExportResult } from './note-export-schemas';

/** Exports of a note, part of the one contract (contract.ts spreads them into its methods). */
export const noteExportMethods = {
  /**
   * One note as PDF, Word, Markdown, text for an EHR or FHIR JSON: written to `path`, or returned.
   * An unsigned note says "Draft — not signed" in every format. Audited by id and format.
   */
  'notes.export': { input: NoteExportInput, output: NoteExportResult },
} as const;

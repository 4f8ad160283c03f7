import type { NoteExportFormat } from '../../../../shared/api/note-export-schemas';
import { docxBytes } from './docx';
import { fileNameOf } from './document-words';
import { fhirBundle } from './fhir';
import { markdownText } from './markdown';
import type { NoteDocument } from './note-document';
import { pdfBytes, type PaperSize } from './pdf';
import { ehrText } from './plain-text';

export interface RenderedExport {
  fileName: string;
  mimeType: string;
  /** The file as it is saved. */
  bytes: Buffer;
  /** A text format: `bytes` is this, in UTF-8. */
  text: string | null;
}

/** What each format is saved as: the extension a path must have, and its media type. */
export const FORMAT_FILES: Record<NoteExportFormat, { extension: string; mimeType: string }> = {
  pdf: { extension: 'pdf', mimeType: 'application/pdf' },
  docx: {
    extension: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  md: { extension: 'md', mimeType: 'text/markdown; charset=utf-8' },
  ehr: { extension: 'txt', mimeType: 'text/plain; charset=utf-8' },
  fhir: { extension: 'json', mimeType: 'application/fhir+json' },
};

/** One document in one format; every format renders the same NoteDocument. */
export async function renderExport(
  doc: NoteDocument,
  format: NoteExportFormat,
  options: { paper: PaperSize; now: number },
): Promise<RenderedExport> {
  const { extension, mimeType } = FORMAT_FILES[format];
  const fileName = fileNameOf(doc, extension);
  const binary = (bytes: Buffer) => ({ fileName, mimeType, bytes, text: null });
  const textual = (text: string) => ({
    fileName,
    mimeType,
    bytes: Buffer.from(text, 'utf8'),
    text,
  });
  switch (format) {
    case 'pdf':
      return binary(await pdfBytes(doc, options.paper));
    case 'docx':
      return binary(await docxBytes(doc, options.paper));
    case 'md':
      return textual(markdownText(doc));
    case 'ehr':
      return textual(ehrText(doc));
    case 'fhir':
      return textual(`${JSON.stringify(fhirBundle(doc, options.now), null, 2)}\n`);
  }
}

/** Regions that print on US Letter; everywhere else uses A4. */
const LETTER_REGIONS = new Set([
  'US',
  'CA',
  'MX',
  'PH',
  'CL',
  'CO',
  'VE',
  'GT',
  'CR',
  'PA',
  'PR',
  'SV',
  'DO',
  'NI',
  'BZ',
]);

/** The paper setting: auto follows the computer's region (its locale). */
export function paperFor(setting: 'auto' | 'a4' | 'letter', locale: string): PaperSize {
  if (setting === 'a4') return 'A4';
  if (setting === 'letter') return 'LETTER';
  const region = new Intl.Locale(locale).maximize().region ?? '';
  return LETTER_REGIONS.has(region) ? 'LETTER' : 'A4';
}

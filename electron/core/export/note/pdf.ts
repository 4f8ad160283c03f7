import PDFDocument from 'pdfkit';
import {
  DRAFT_MARK,
  addendumHeading,
  factsOf,
  paragraphsOf,
  signatureLine,
} from './document-words';
import type { NoteDocument } from './note-document';
import { sectionLines } from './plain-text';
import { toWinAnsi } from './win-ansi';

export type PaperSize = 'A4' | 'LETTER';

type Pdf = PDFKit.PDFDocument;

/** About 22 mm: room for a hole punch and for notes in the margin. */
const MARGIN = 64;
const BODY_SIZE = 10.5;
const INK = '#1f2328';
const MUTED = '#555b65';
const DRAFT_INK = '#8a3b00';
const RULE = '#c9ccd1';

/**
 * The note as a PDF: the practice's header, the title, a draft mark when unsigned, the facts, the
 * sections, a signature line, then the addenda; "Page n of m" at the foot of each page (with the
 * draft mark again on a draft). A heading never ends a page: it moves to the next with its text.
 */
export function pdfBytes(doc: NoteDocument, paper: PaperSize): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: paper,
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    displayTitle: true,
    // The file's own properties: no client name, which a file browser would show.
    info: {
      Title: `${toWinAnsi(doc.title)} note`,
      Author: toWinAnsi(doc.clinician),
      Creator: 'Cairn',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  writeNote(pdf, doc);
  numberPages(pdf, doc);
  pdf.end();
  return done;
}

function writeNote(pdf: Pdf, doc: NoteDocument): void {
  if (doc.practice.length > 0) {
    const [name = '', ...address] = doc.practice;
    write(pdf, name, { font: 'Helvetica-Bold', size: 13 });
    for (const line of address) write(pdf, line, { size: 9, color: MUTED });
    rule(pdf);
  }
  write(pdf, doc.title, { font: 'Helvetica-Bold', size: 18, gap: 6 });
  if (!doc.signed)
    write(pdf, DRAFT_MARK, { font: 'Helvetica-Bold', size: 11, color: DRAFT_INK, gap: 6 });
  for (const fact of factsOf(doc)) {
    pdf.font('Helvetica-Bold').fontSize(BODY_SIZE).fillColor(INK);
    pdf.text(toWinAnsi(`${fact.label}: `), { continued: true });
    pdf.font('Helvetica').text(toWinAnsi(fact.value), { paragraphGap: 2 });
  }
  for (const section of doc.sections) {
    const lines = sectionLines(section);
    heading(pdf, section.title, lines[0] ?? '');
    for (const line of lines) write(pdf, line, { gap: 4 });
  }
  heading(pdf, 'Signature', signatureLine(doc), 3);
  pdf.moveDown(1.5);
  rule(pdf, 220);
  write(pdf, signatureLine(doc), {
    font: doc.signed ? 'Helvetica' : 'Helvetica-Bold',
    color: doc.signed ? INK : DRAFT_INK,
  });
  if (doc.addenda.length === 0) return;
  heading(pdf, 'Addenda', addendumHeading(doc.addenda[0] as NoteDocument['addenda'][number]));
  for (const addendum of doc.addenda) {
    const paragraphs = paragraphsOf(addendum.text);
    heading(pdf, addendumHeading(addendum), paragraphs[0] ?? '', 0, { size: 9.5, color: MUTED });
    for (const paragraph of paragraphs) write(pdf, paragraph, { gap: 4 });
  }
}

interface Look {
  font?: 'Helvetica' | 'Helvetica-Bold';
  size?: number;
  color?: string;
  /** Space after the paragraph, in points. */
  gap?: number;
}

function write(pdf: Pdf, text: string, look: Look = {}): void {
  pdf
    .font(look.font ?? 'Helvetica')
    .fontSize(look.size ?? BODY_SIZE)
    .fillColor(look.color ?? INK)
    .text(toWinAnsi(text), { width: bodyWidth(pdf), lineGap: 1.5, paragraphGap: look.gap ?? 0 });
}

/**
 * A heading, on the next page when it and the first lines that follow it would not fit on this
 * one: a heading alone at the foot of a page reads as a section with nothing in it.
 */
function heading(pdf: Pdf, text: string, next: string, extraLines = 0, look: Look = {}): void {
  const width = bodyWidth(pdf);
  pdf.font('Helvetica').fontSize(BODY_SIZE);
  const lineHeight = pdf.currentLineHeight(true);
  const following = Math.min(pdf.heightOfString(toWinAnsi(next), { width }), lineHeight * 2);
  const size = look.size ?? 12.5;
  pdf.font('Helvetica-Bold').fontSize(size);
  const own = pdf.heightOfString(toWinAnsi(text), { width }) + size;
  const needed = own + following + extraLines * lineHeight;
  if (pdf.y + needed > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
  else pdf.moveDown(0.6);
  write(pdf, text, { font: 'Helvetica-Bold', size, color: look.color ?? INK, gap: 4 });
}

function rule(pdf: Pdf, length = bodyWidth(pdf)): void {
  const y = pdf.y + 4;
  pdf
    .moveTo(pdf.page.margins.left, y)
    .lineTo(pdf.page.margins.left + length, y)
    .lineWidth(0.75)
    .strokeColor(RULE)
    .stroke();
  pdf.y = y + 8;
}

function bodyWidth(pdf: Pdf): number {
  return pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
}

/** "Page n of m" in the bottom margin of every page, once the number of pages is known. */
function numberPages(pdf: Pdf, doc: NoteDocument): void {
  const range = pdf.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    pdf.switchToPage(index);
    const bottom = pdf.page.margins.bottom;
    // Text below the bottom margin would start a new page; the footer lives in that margin.
    pdf.page.margins.bottom = 0;
    const page = `Page ${index - range.start + 1} of ${range.count}`;
    pdf
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        doc.signed ? page : `${DRAFT_MARK} · ${page}`,
        pdf.page.margins.left,
        pdf.page.height - bottom / 2,
        {
          width: bodyWidth(pdf),
          align: 'center',
          lineBreak: false,
        },
      );
    pdf.page.margins.bottom = bottom;
  }
}

import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
} from 'docx';
import {
  DRAFT_MARK,
  addendumHeading,
  factsOf,
  paragraphsOf,
  signatureLine,
} from './document-words';
import type { NoteDocument } from './note-document';
import type { PaperSize } from './pdf';
import { sectionLines } from './plain-text';

/** Page sizes in twentieths of a point, as Word measures them. */
const PAGES: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 11906, height: 16838 },
  LETTER: { width: 12240, height: 15840 },
};
/** 2.25 cm, the PDF's margin. */
const MARGIN = 1276;
const DRAFT_COLOR = '8A3B00';

/**
 * The note as a Word document: the practice in the page header, the title as Word's Title style
 * and sections as Heading 1 (so it pastes into another document, or an EHR's editor, with its
 * structure), statements as plain paragraphs, "Page n of m" in the footer. Every character is
 * kept as written (Word's fonts carry them).
 */
export async function docxBytes(doc: NoteDocument, paper: PaperSize): Promise<Buffer> {
  const body: Paragraph[] = [new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE })];
  if (!doc.signed)
    body.push(
      new Paragraph({
        children: [run(DRAFT_MARK, { bold: true, color: DRAFT_COLOR })],
      }),
    );
  for (const fact of factsOf(doc))
    body.push(
      new Paragraph({
        children: [run(`${fact.label}: `, { bold: true }), new TextRun(fact.value)],
      }),
    );
  for (const section of doc.sections) {
    body.push(heading(section.title, HeadingLevel.HEADING_1));
    for (const line of sectionLines(section)) body.push(new Paragraph({ text: line }));
  }
  body.push(heading('Signature', HeadingLevel.HEADING_1));
  body.push(
    new Paragraph({
      children: [
        run(signatureLine(doc), {
          bold: !doc.signed,
          color: doc.signed ? undefined : DRAFT_COLOR,
        }),
      ],
      border: { top: { style: 'single', size: 6, color: 'C9CCD1', space: 6 } },
      spacing: { before: 480 },
    }),
  );
  if (doc.addenda.length > 0) {
    body.push(heading('Addenda', HeadingLevel.HEADING_1));
    for (const addendum of doc.addenda) {
      body.push(heading(addendumHeading(addendum), HeadingLevel.HEADING_2));
      for (const paragraph of paragraphsOf(addendum.text))
        body.push(new Paragraph({ text: paragraph }));
    }
  }
  const document = new Document({
    title: `${doc.title} note`,
    creator: doc.clinician,
    description: 'Exported from Cairn',
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        properties: {
          page: {
            size: PAGES[paper],
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        headers: { default: practiceHeader(doc) },
        footers: { default: pageFooter(doc) },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** A run of text; typed options, since TextRun also takes a bare string. */
function run(text: string, look: Omit<IRunOptions, 'text'>): TextRun {
  const options: IRunOptions = { ...look, text };
  return new TextRun(options);
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  // Kept with the paragraph after it: Word moves a heading to the next page with its text.
  return new Paragraph({ text, heading: level, keepNext: true });
}

function practiceHeader(doc: NoteDocument): Header {
  const [name, ...address] = doc.practice;
  return new Header({
    children:
      name === undefined
        ? []
        : [
            new Paragraph({ children: [run(name, { bold: true })] }),
            ...address.map(
              (line) => new Paragraph({ children: [new TextRun({ text: line, size: 18 })] }),
            ),
          ],
  });
}

function pageFooter(doc: NoteDocument): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: 16,
            children: [
              doc.signed ? '' : `${DRAFT_MARK} · `,
              'Page ',
              PageNumber.CURRENT,
              ' of ',
              PageNumber.TOTAL_PAGES,
            ],
          }),
        ],
      }),
    ],
  });
}

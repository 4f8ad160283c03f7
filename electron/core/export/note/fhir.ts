import { createHash } from 'node:crypto';
import { addendumHeading, isoWithOffset, signatureLine } from './document-words';
import type { NoteDocument } from './note-document';
import { fullText, sectionLines } from './plain-text';

/**
 * The note as HL7 FHIR R4, for an EHR or an integration engine that takes FHIR: a Bundle of type
 * "collection" holding a DocumentReference (the note as a text/plain attachment, for systems that
 * file documents) and a Composition (the same note as titled sections with XHTML narrative, for
 * systems that read structure). A Bundle, not a "document" Bundle: a FHIR document needs a
 * Patient and Practitioner resource Cairn does not have; here the client and clinician are named
 * by `display` only, per the names setting. The DocumentReference points at the Composition.
 *
 * The types below are the R4 elements Cairn writes (the installed @types/fhir is STU3); the test
 * validates the output against HL7's R4 JSON schema.
 */

interface Coding {
  system: string;
  code: string;
  display: string;
}
interface Display {
  display: string;
}
interface Narrative {
  status: 'generated';
  div: string;
}

export interface FhirDocumentReference {
  resourceType: 'DocumentReference';
  id: string;
  status: 'current';
  docStatus: 'final' | 'preliminary';
  type: { coding: Coding[]; text: string };
  subject?: Display;
  date: string;
  author: Display[];
  authenticator?: Display;
  description: string;
  content: {
    attachment: {
      contentType: string;
      data: string;
      title: string;
      creation: string;
    };
  }[];
  context: { period: { start: string }; related: { reference: string }[] };
}

export interface FhirComposition {
  resourceType: 'Composition';
  id: string;
  status: 'final' | 'preliminary';
  type: { coding: Coding[]; text: string };
  subject?: Display;
  date: string;
  author: Display[];
  title: string;
  attester?: { mode: 'legal'; time: string; party: Display }[];
  event: { period: { start: string } }[];
  section: { title: string; text: Narrative }[];
}

export interface FhirBundle {
  resourceType: 'Bundle';
  id: string;
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: FhirDocumentReference | FhirComposition }[];
}

/** LOINC's "Progress note": the type of every note Cairn writes, whatever its template. */
const PROGRESS_NOTE: Coding = {
  system: 'http://loinc.org',
  code: '11506-3',
  display: 'Progress note',
};

export function fhirBundle(doc: NoteDocument, now: number): FhirBundle {
  const compositionId = uuidFrom(`${doc.noteId}:composition`);
  const bundleId = uuidFrom(`${doc.noteId}:bundle:${now}`);
  const final = doc.signed !== null;
  const date = isoWithOffset(doc.updatedAt);
  const type = { coding: [PROGRESS_NOTE], text: `${doc.title} progress note` };
  const subject = doc.client === null ? {} : { subject: { display: doc.client } };
  const author = [{ display: doc.clinician }];
  const reference: FhirDocumentReference = {
    resourceType: 'DocumentReference',
    id: doc.noteId,
    status: 'current',
    docStatus: final ? 'final' : 'preliminary',
    type,
    ...subject,
    date,
    author,
    ...(doc.signed ? { authenticator: { display: doc.signed.by } } : {}),
    description: `${doc.title} note, ${doc.sessionDate}${final ? '' : ' (draft, not signed)'}`,
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          data: Buffer.from(fullText(doc), 'utf8').toString('base64'),
          title: `${doc.title} note`,
          creation: date,
        },
      },
    ],
    context: {
      period: { start: doc.sessionDate },
      related: [{ reference: `urn:uuid:${compositionId}` }],
    },
  };
  const composition: FhirComposition = {
    resourceType: 'Composition',
    id: compositionId,
    status: final ? 'final' : 'preliminary',
    type,
    ...subject,
    date,
    author,
    title: `${doc.title} note`,
    ...(doc.signed
      ? {
          attester: [
            {
              mode: 'legal',
              time: isoWithOffset(doc.signed.at),
              party: { display: doc.signed.by },
            },
          ],
        }
      : {}),
    event: [{ period: { start: doc.sessionDate } }],
    section: [
      ...doc.sections.map((section) => ({
        title: section.title,
        text: narrative(sectionLines(section)),
      })),
      { title: 'Signature', text: narrative([signatureLine(doc)]) },
      ...doc.addenda.map((addendum) => ({
        title: addendumHeading(addendum),
        text: narrative([addendum.text]),
      })),
    ],
  };
  return {
    resourceType: 'Bundle',
    id: bundleId,
    type: 'collection',
    timestamp: isoWithOffset(now),
    entry: [
      { fullUrl: `urn:uuid:${doc.noteId}`, resource: reference },
      { fullUrl: `urn:uuid:${compositionId}`, resource: composition },
    ],
  };
}

/** FHIR narrative: XHTML in a div with the XHTML namespace, one paragraph per statement. */
function narrative(lines: string[]): Narrative {
  const paragraphs = lines.map((line) => `<p>${escapeXml(line)}</p>`).join('');
  return {
    status: 'generated',
    div: `<div xmlns="http://www.w3.org/1999/xhtml">${paragraphs}</div>`,
  };
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A stable UUID (v4 layout) from a name: the same note exports the same Composition id. */
function uuidFrom(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

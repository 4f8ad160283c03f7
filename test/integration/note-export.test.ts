import { eq } from 'drizzle-orm';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { listAudit } from '../../electron/core/store/repositories/audit';
import { createClient } from '../../electron/core/store/repositories/clients';
import { approveNotesOfSession, saveAiDraft } from '../../electron/core/store/repositories/notes';
import { createSession } from '../../electron/core/store/repositories/sessions';
import { noteAddenda, notes } from '../../electron/core/store/schema';
import type { NoteContent } from '../../shared/api/note-schemas';
import { runCairn } from '../helpers/cli';
import { rejection } from '../helpers/errors';
import { docxContent, fhirValidators, flat, pdfText } from '../helpers/exported-files';
import { makeTempDir } from '../helpers/fixtures';
import { STORED_DRAFT_GENERATION } from '../helpers/notes';
import { takeEgressViolations } from '../setup/no-egress';
import {
  SIGNED_AT,
  ADDENDUM_AT,
  SIGNED,
  DRAFT,
  PRACTICE,
  SIGNATURE,
  ADDENDUM_HEAD,
  ADDENDUM,
  SIGNED_EHR,
} from '../fixtures/exported-note';

// Times print in the computer's zone: fixed here so the expected words are exact.
process.env.TZ = 'UTC';
const temp = makeTempDir();
const dataDir = path.join(temp.dir, 'data');
afterAll(() => temp.remove());

describe('a note exported for the record', () => {
  let core: Core;
  let signedId = '';
  let draftId = '';
  let sessionId = '';
  let retiredId = '';

  beforeAll(async () => {
    core = await startCore({ dataDir, actor: 'Dr Ada Byron', transport: 'in-process' });
    const db = core.database.db;
    await call(core, 'settings.set', { name: 'exportPracticeHeader', value: PRACTICE });
    const clientId = createClient(db, 'Zoë Anne Marchetti');
    sessionId = createSession(db, { clientId, date: '2026-12-07', kind: 'individual' });
    const draftSession = createSession(db, { clientId, date: '2026-12-14', kind: 'individual' });
    const store = (session: string, content: NoteContent, templateId = 'soap') =>
      saveAiDraft(db, {
        sessionId: session,
        templateId,
        content,
        text: 'stored text',
        generation: STORED_DRAFT_GENERATION,
        author: 'test',
      });
    signedId = store(sessionId, SIGNED);
    draftId = store(draftSession, DRAFT);
    // A practice's own template, deleted since: its notes still export.
    retiredId = store(draftSession, { ...DRAFT, templateId: 'retired-form' }, 'retired-form');
    approveNotesOfSession(db, sessionId, 'Dr Ada Byron');
    await call(core, 'notes.addAddendum', { id: signedId, text: ADDENDUM });
    // Fixed times, so the signature and addendum lines are known words.
    db.update(notes).set({ approvedAt: SIGNED_AT }).where(eq(notes.id, signedId)).run();
    db.update(noteAddenda)
      .set({ createdAt: ADDENDUM_AT })
      .where(eq(noteAddenda.noteId, signedId))
      .run();
    takeEgressViolations();
  });
  afterAll(async () => {
    await core.shutdown();
  });

  it('copies for an EHR as plain blocks, one per section in the template’s order, then signature and addendum', async () => {
    const result = await call(core, 'notes.export', { noteId: signedId, format: 'ehr' });
    expect(result.text).toBe(SIGNED_EHR);
    expect(result).toMatchObject({
      fileName: 'soap-note-2026-12-07.txt',
      mimeType: 'text/plain; charset=utf-8',
      bytes: Buffer.byteLength(SIGNED_EHR),
      path: null,
    });
  });

  it('writes Markdown with the practice, initials by default, headings and escaped text', async () => {
    const { text } = await call(core, 'notes.export', { noteId: signedId, format: 'md' });
    expect(text).toBe(`**Riverside Counselling**  
12 Mill Lane  
Springfield SP1 2AB

# SOAP

- **Client:** Z. A. M.
- **Session:** Monday 7 December 2026
- **Clinician:** Dr Ada Byron

## Subjective

- Client said “I sleep better since cutting coffee” — café visits now end at noon.
- Reports worry about work most nights.

## Objective

- Nothing recorded.

## Assessment

- Sleep improving; anxiety moderate. (status: improving)

## Plan

- Continue the wind-down routine; review in two weeks.

## Signature

${SIGNATURE}

## Addenda

### ${ADDENDUM_HEAD}

${ADDENDUM}
`);
  });

  it('writes a PDF whose text is the note: header, facts, sections, signature, addendum, page numbers', async () => {
    const file = path.join(temp.dir, 'note.pdf');
    const result = await call(core, 'notes.export', {
      noteId: signedId,
      format: 'pdf',
      path: file,
    });
    expect(result).toMatchObject({
      path: file,
      mimeType: 'application/pdf',
      bytes: statSync(file).size,
    });
    expect(result.base64).toBeUndefined();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = await pdfText(readFileSync(file));
    const expected = [
      'Riverside Counselling 12 Mill Lane Springfield SP1 2AB SOAP',
      'Client: Z. A. M. Session: Monday 7 December 2026 Clinician: Dr Ada Byron',
      flat(
        SIGNED_EHR.replace(SIGNATURE, `Signature ${SIGNATURE}`).replace(
          ADDENDUM_HEAD,
          `Addenda ${ADDENDUM_HEAD}`,
        ),
      ),
      'Page 1 of 1',
    ].join(' ');
    // pdf-parse marks each page's end with "-- 1 of 1 --".
    expect(flat(text.replace(/-- \d+ of \d+ --/g, ''))).toBe(expected);
    expect(text).not.toContain('Marchetti');
  });

  it('names the client in full when asked, and returns the file when no path is given', async () => {
    const result = await call(core, 'notes.export', {
      noteId: signedId,
      format: 'pdf',
      names: 'full',
    });
    expect(result.path).toBeNull();
    const bytes = Buffer.from(result.base64 ?? '', 'base64');
    expect(bytes.length).toBe(result.bytes);
    const text = await pdfText(bytes);
    expect(flat(text)).toContain('Client: Zoë Anne Marchetti');
  });

  it('writes a Word file whose text reads back with Title and Heading styles', async () => {
    const file = path.join(temp.dir, 'note.docx');
    await call(core, 'notes.export', { noteId: signedId, format: 'docx', path: file });
    const { paragraphs, header } = docxContent(readFileSync(file));
    const body = paragraphs.map((p) => p.text).join('\n');
    expect(flat(body)).toBe(
      flat(
        [
          'SOAP',
          'Client: Z. A. M. Session: Monday 7 December 2026 Clinician: Dr Ada Byron',
          SIGNED_EHR.replace(SIGNATURE, `Signature ${SIGNATURE}`).replace(
            ADDENDUM_HEAD,
            `Addenda ${ADDENDUM_HEAD}`,
          ),
        ].join('\n'),
      ),
    );
    expect(paragraphs.find((p) => p.text === 'SOAP')?.style).toBe('Title');
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([
      'Subjective',
      'Objective',
      'Assessment',
      'Plan',
      'Signature',
      'Addenda',
    ]);
    expect(header).toBe('Riverside Counselling 12 Mill Lane Springfield SP1 2AB');
  });

  it('writes FHIR R4 that HL7’s schema accepts: a DocumentReference and a Composition in a Bundle', async () => {
    const { text } = await call(core, 'notes.export', { noteId: signedId, format: 'fhir' });
    const bundle = JSON.parse(text ?? '') as {
      entry: { resource: Record<string, unknown> & { resourceType: string } }[];
    };
    const validate = fhirValidators();
    expect(validate.Bundle(bundle), JSON.stringify(validate.Bundle.errors)).toBe(true);
    const [reference, composition] = bundle.entry.map((e) => e.resource);
    expect(
      validate.DocumentReference(reference),
      JSON.stringify(validate.DocumentReference.errors),
    ).toBe(true);
    expect(validate.Composition(composition), JSON.stringify(validate.Composition.errors)).toBe(
      true,
    );
    expect(reference).toMatchObject({
      status: 'current',
      docStatus: 'final',
      type: { coding: [{ system: 'http://loinc.org', code: '11506-3' }] },
      subject: { display: 'Z. A. M.' },
      author: [{ display: 'Dr Ada Byron' }],
      date: '2026-12-07T14:05:00+00:00',
    });
    const attachment = (reference?.content as { attachment: { data: string } }[])[0]?.attachment;
    const attached = Buffer.from(attachment?.data ?? '', 'base64').toString('utf8');
    expect(attached.endsWith(SIGNED_EHR)).toBe(true);
    expect(attached).toContain('Riverside Counselling');
    expect(composition).toMatchObject({ status: 'final', title: 'SOAP note' });
    const sections = composition?.section as { title: string; text: { div: string } }[];
    expect(sections.map((s) => s.title)).toEqual([
      'Subjective',
      'Objective',
      'Assessment',
      'Plan',
      'Signature',
      ADDENDUM_HEAD,
    ]);
    expect(sections[0]?.text.div).toBe(
      '<div xmlns="http://www.w3.org/1999/xhtml"><p>Client said “I sleep better since cutting coffee” — café visits now end at noon.</p><p>Reports worry about work most nights.</p></div>',
    );
    // The schema can fail: an unknown status and a narrative without its namespace are refused.
    expect(validate.DocumentReference({ ...reference, status: 'signed' })).toBe(false);
    expect(
      validate.Composition({
        ...composition,
        section: [{ title: 'x', text: { status: 'made-up', div: '<p>x</p>' } }],
      }),
    ).toBe(false);
  });

  it('marks a draft as not signed in every format, and its unverified statements', async () => {
    const ehr = await call(core, 'notes.export', { noteId: draftId, format: 'ehr' });
    expect(ehr.fileName).toBe('soap-note-2026-12-14-draft.txt');
    expect(ehr.text).toBe(`Draft — not signed

Subjective
Client reports low mood.

Assessment
Client is cured. (unverified: check the transcript)

Draft — not signed. This is not the record of the session until it is signed.
`);
    const md = await call(core, 'notes.export', { noteId: draftId, format: 'md' });
    expect(md.text).toContain('# SOAP\n\n**Draft — not signed**\n');
    const pdf = await call(core, 'notes.export', { noteId: draftId, format: 'pdf' });
    const text = await pdfText(Buffer.from(pdf.base64 ?? '', 'base64'));
    expect(flat(text)).toContain('SOAP Draft — not signed Client: Z. A. M.');
    expect(flat(text)).toContain('Draft — not signed · Page 1 of 1');
    const docx = await call(core, 'notes.export', { noteId: draftId, format: 'docx' });
    const draftWord = docxContent(Buffer.from(docx.base64 ?? '', 'base64'));
    expect(draftWord.paragraphs.map((p) => p.text)).toContain('Draft — not signed');
    const fhir = JSON.parse(
      (await call(core, 'notes.export', { noteId: draftId, format: 'fhir' })).text ?? '',
    ) as {
      entry: { resource: { docStatus?: string; status: string } }[];
    };
    expect(fhir.entry.map((e) => e.resource.docStatus ?? e.resource.status)).toEqual([
      'preliminary',
      'preliminary',
    ]);
  });

  it('still exports a note whose template was deleted, titled by its id, in the note’s order', async () => {
    const { text } = await call(core, 'notes.export', { noteId: retiredId, format: 'md' });
    expect(text).toContain('# retired-form\n');
    expect(text?.indexOf('## Subjective')).toBeLessThan(text?.indexOf('## Assessment') ?? 0);
  });

  it('refuses bad input with typed errors and writes nothing', async () => {
    const missing = await rejection(
      call(core, 'notes.export', { noteId: '00000000-0000-4000-8000-000000000000', format: 'md' }),
    );
    expect(missing.code).toBe('note_not_found');
    const noFolder = await rejection(
      call(core, 'notes.export', {
        noteId: signedId,
        format: 'pdf',
        path: path.join(temp.dir, 'nope', 'n.pdf'),
      }),
    );
    expect(noFolder.code).toBe('export_folder_missing');
    const wrongExtension = await rejection(
      call(core, 'notes.export', {
        noteId: signedId,
        format: 'pdf',
        path: path.join(temp.dir, 'n.docx'),
      }),
    );
    expect(wrongExtension.code).toBe('export_path_extension');
    const relative = await rejection(
      call(core, 'notes.export', { noteId: signedId, format: 'md', path: 'n.md' }),
    );
    expect(relative.code).toBe('export_path_relative');
  });

  it('audits each export by note and format, never its content, and connects nowhere', () => {
    const exported = listAudit(core.database.db).filter((e) => e.action === 'note.exported');
    expect(exported.length).toBeGreaterThanOrEqual(10);
    for (const entry of exported) {
      expect(entry.entityType).toBe('note');
      expect(JSON.stringify(entry)).not.toMatch(/Marchetti|coffee|Riverside/);
    }
    expect(
      exported.map((e) => JSON.parse(e.detailJson ?? '{}') as { format: string })[0],
    ).toMatchObject({
      format: 'ehr',
      names: 'initials',
      signed: true,
      toFile: false,
    });
    expect(takeEgressViolations()).toEqual([]);
  });

  it('exports through the real CLI: a session’s note as PDF (exit 0), a bad format refused (exit 2)', async () => {
    await core.shutdown();
    const out = path.join(temp.dir, 'cli-note.pdf');
    const saved = await runCairn(
      ['export', 'note', sessionId, '--format', 'pdf', '--out', out, '--json'],
      {
        dataDir,
      },
    );
    expect(saved.code, saved.stderr).toBe(0);
    expect(JSON.parse(saved.stdout)).toMatchObject({ noteId: signedId, format: 'pdf', path: out });
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const bad = await runCairn(['export', 'note', sessionId, '--format', 'rtf'], { dataDir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('rtf');
    core = await startCore({ dataDir, actor: 'Dr Ada Byron', transport: 'in-process' });
  });
});

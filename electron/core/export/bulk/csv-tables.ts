import { stringify } from 'csv-stringify/sync';
import type { ClientRecord } from './client-record';
import type { SessionRecord } from './session-record';

/**
 * The CSV tables of an export, for a practice's spreadsheet. notes.csv has one row per section of
 * each note (long form): templates have different sections (SOAP, BIRP, a practice's own), so one
 * row per note with a column per section would give a wide, mostly empty table whose columns change
 * with every template; long rows filter and pivot in any spreadsheet. goals.csv has one row per
 * goal per session that moved it (a goal never moved has one row with the progress columns empty).
 */
export const CSV_COLUMNS = {
  sessions: [
    'session',
    'client',
    'client_name',
    'date',
    'kind',
    'status',
    'duration_sec',
    'speakers',
    'segments',
    'notes',
    'signed_notes',
  ],
  notes: [
    'note',
    'session',
    'client',
    'date',
    'template',
    'status',
    'signed_at',
    'signed_by',
    'source',
    'section_key',
    'section_title',
    'text',
    'addenda',
  ],
  goals: [
    'client',
    'plan_version',
    'goal',
    'statement',
    'measure',
    'status',
    'set_on',
    'updated_on',
    'progress_session',
    'progress_date',
    'progress_status',
  ],
} as const;

export type CsvTable = keyof typeof CSV_COLUMNS;
type Cell = string | number | null;

/** The header, once, at the top of a table. */
export function csvHeader(table: CsvTable): string {
  return stringify([[...CSV_COLUMNS[table]]]);
}

export function csvRows(rows: Cell[][]): string {
  return rows.length === 0 ? '' : stringify(rows);
}

export function sessionRows(record: SessionRecord): Cell[][] {
  const { session } = record;
  return [
    [
      session.id,
      session.client,
      session.clientName,
      session.date,
      session.kind,
      session.status,
      session.durationSec,
      record.speakers.length,
      record.transcript.length,
      record.notes.length,
      record.notes.filter((n) => n.status === 'approved').length,
    ],
  ];
}

export function noteRows(record: SessionRecord): Cell[][] {
  const { session } = record;
  return record.notes.flatMap((note) => {
    const addenda = note.addenda.map((a) => `${a.at}: ${a.text}`).join('\n');
    const sections = note.record?.sections ?? [];
    const head = [note.id, session.id, session.client, session.date, note.templateId, note.status];
    const signed = [note.signedAt, note.signedBy, note.record?.source ?? null];
    if (sections.length === 0) return [[...head, ...signed, null, null, null, addenda]];
    return sections.map((section) => [
      ...head,
      ...signed,
      section.key,
      section.title,
      section.statements.join('\n'),
      addenda,
    ]);
  });
}

export function goalRows(record: ClientRecord): Cell[][] {
  const plan = record.plan;
  if (!plan) return [];
  return plan.goals.flatMap((goal) => {
    const head = [
      record.client.id,
      plan.version,
      goal.id,
      goal.statement,
      goal.measure,
      goal.status,
      goal.setOn,
      goal.updatedOn,
    ];
    if (goal.progress.length === 0) return [[...head, null, null, null]];
    return goal.progress.map((entry) => [...head, entry.session, entry.date, entry.status]);
  });
}

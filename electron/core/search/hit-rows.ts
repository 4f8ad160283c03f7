import type { SearchHit } from '../../../shared/api/search-schemas';
import type { SessionKind } from '../../../shared/domain/enums';
import type { SearchDocument } from './documents/search-document';
import { HAS_RISK, msOfDay } from './search-filters';

/** A passage as the index answers it, with its session's live facts joined in. */
export interface HitRow extends Omit<SearchDocument, 'owner'> {
  rowid: number;
  clientName: string | null;
  sessionKind: SessionKind | null;
  hasRisk: number;
}

/** The joins every search query reads a passage's session and client through. */
export const HIT_JOINS = `LEFT JOIN sessions s ON s.id = d.session_id
  LEFT JOIN clients c ON c.id = coalesce(s.client_id, d.client_id)`;

export const HIT_COLUMNS = `d.id AS rowid, d.key, d.group_key AS groupKey, d.source,
  coalesce(s.client_id, d.client_id) AS clientId, c.name AS clientName,
  d.session_id AS sessionId, s.kind AS sessionKind, coalesce(s.date, d.day) AS day,
  d.segment_id AS segmentId, d.start_ms AS startMs, d.note_id AS noteId,
  d.section_key AS sectionKey, d.plan_id AS planId, d.brief_id AS briefId, d.label,
  d.position, d.text, ${HAS_RISK} AS hasRisk`;

const KIND_WORDS: Record<SessionKind, string> = {
  individual: 'Individual session',
  couple: 'Couple session',
  family: 'Family session',
  group: 'Group session',
};

export function toHit(
  row: HitRow,
  fields: Pick<SearchHit, 'snippet' | 'score' | 'matchedBy'>,
): SearchHit {
  return {
    id: row.key,
    source: row.source,
    clientId: row.clientId,
    clientName: row.clientName,
    sessionId: row.sessionId,
    sessionTitle: row.sessionKind ? KIND_WORDS[row.sessionKind] : null,
    date: msOfDay(row.day),
    segmentId: row.segmentId,
    startMs: row.startMs,
    noteId: row.noteId,
    sectionKey: row.sectionKey,
    planId: row.planId,
    briefId: row.briefId,
    label: row.label,
    hasRisk: row.hasRisk === 1,
    ...fields,
  };
}

import type { SearchHit, SearchResult, SearchSource } from '../../../../shared/api/search-schemas';
import type { SessionKind } from '../../../../shared/domain/enums';
import { formatDuration } from '../../format';
import { PAGE_SIZE } from './search-form';

/** The section key the index gives a note's addenda (they are not one of the template's sections). */
export const ADDENDUM = 'addendum';

/** Each source in words, as the "Where" filter offers it. */
export const SOURCE_WORDS: Record<SearchSource, string> = {
  transcript: 'Transcripts',
  note: 'Notes',
  plan: 'Treatment plans',
  brief: 'Briefs',
};

export const KIND_WORDS: Record<SessionKind, string> = {
  individual: 'Individual',
  couple: 'Couple',
  family: 'Family',
  group: 'Group',
};

/**
 * Where in the session the words were found, in words: "Transcript — Dr. Lee at 4:05",
 * "Note — Plan section", "Treatment plan — Sleep goal", "Brief — Questions to ask".
 */
export function whereWords(hit: SearchHit): string {
  switch (hit.source) {
    case 'transcript': {
      const who = hit.label ?? 'Someone';
      return hit.startMs === null
        ? `Transcript — ${who}`
        : `Transcript — ${who} at ${formatDuration(hit.startMs / 1000)}`;
    }
    case 'note':
      if (hit.sectionKey === ADDENDUM) return 'Note — Addendum';
      return hit.label ? `Note — ${hit.label} section` : 'Note';
    case 'plan':
      return hit.label ? `Treatment plan — ${hit.label}` : 'Treatment plan';
    case 'brief':
      return hit.label ? `Brief — ${hit.label}` : 'Brief';
  }
}

/**
 * Where a hit opens: the session at the segment (the audio sought to it), the session at the
 * note's section, the client's plan, the brief's session (a brief is that session's page).
 * Null when the hit has nowhere left to open (its session gone since it was indexed).
 */
export function hitHref(hit: SearchHit): string | null {
  const session = hit.sessionId && `/sessions/${hit.sessionId}`;
  if (hit.source === 'transcript' && session && hit.segmentId) {
    const params = new URLSearchParams({ segment: hit.segmentId });
    if (hit.startMs !== null) params.set('t', String(hit.startMs));
    return `${session}?${params.toString()}`;
  }
  if (hit.source === 'note' && session && hit.sectionKey)
    return `${session}?${new URLSearchParams({ section: hit.sectionKey }).toString()}`;
  if (hit.source === 'plan' && hit.clientId)
    return `/clients/${hit.clientId}?${new URLSearchParams({ plan: hit.planId ?? '' }).toString()}`;
  if (session) return session;
  return hit.clientId ? `/clients/${hit.clientId}` : null;
}

/** "3 results", "Results 21–40 of 57"; in the palette, "The first 8 of 57 results". */
export function countWords(result: SearchResult, page = 1, pageSize = PAGE_SIZE): string {
  if (result.total === 0) return 'No results';
  const all = `${result.total} ${result.total === 1 ? 'result' : 'results'}`;
  if (result.total <= result.hits.length && page === 1) return all;
  if (pageSize < PAGE_SIZE) return `The first ${result.hits.length} of ${all}`;
  const first = (page - 1) * PAGE_SIZE + 1;
  return `Results ${first}–${first + result.hits.length - 1} of ${result.total}`;
}

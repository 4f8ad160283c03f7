import type { SearchSource } from '../../../../shared/api/search-schemas';

/** One passage as the index stores it (a row of search_documents, less its rowid). */
export interface SearchDocument {
  key: string;
  owner: string;
  groupKey: string;
  source: SearchSource;
  clientId: string | null;
  sessionId: string | null;
  day: string | null;
  segmentId: string | null;
  startMs: number | null;
  noteId: string | null;
  sectionKey: string | null;
  planId: string | null;
  briefId: string | null;
  label: string | null;
  position: number;
  text: string;
}

/** What one owner (a session's transcript, its notes, a plan, a brief) reads as. */
export interface OwnerDocuments {
  documents: SearchDocument[];
  /** The text each vector is made of, by group key. */
  groups: Map<string, string>;
}

const EMPTY: Omit<SearchDocument, 'key' | 'owner' | 'source' | 'position' | 'text'> = {
  groupKey: '',
  clientId: null,
  sessionId: null,
  day: null,
  segmentId: null,
  startMs: null,
  noteId: null,
  sectionKey: null,
  planId: null,
  briefId: null,
  label: null,
};

/** A passage that is its own vector unit (a note statement, a goal, a brief line). */
export function passage(
  fields: Partial<SearchDocument> & Pick<SearchDocument, 'key' | 'owner' | 'source' | 'text'>,
  position: number,
): SearchDocument {
  return { ...EMPTY, groupKey: fields.key, ...fields, position, text: fields.text.trim() };
}

/** Documents that are their own groups: each passage is embedded as it is. */
export function selfGrouped(documents: SearchDocument[]): OwnerDocuments {
  const kept = documents.filter((d) => d.text.length > 0);
  return { documents: kept, groups: new Map(kept.map((d) => [d.groupKey, d.text])) };
}

/**
 * Stored JSON, or null when it cannot be read: a damaged row is left out of the index rather
 * than stopping the drain at it for good.
 */
export function readJson(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

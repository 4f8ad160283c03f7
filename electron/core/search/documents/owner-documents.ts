import type { SqliteConnection } from '../../store/sqlite-driver';
import { briefDocuments } from './brief-documents';
import { noteDocuments } from './note-documents';
import { planDocuments } from './plan-documents';
import { selfGrouped, type OwnerDocuments } from './search-document';
import { transcriptDocuments } from './transcript-documents';

const READERS: Record<string, (connection: SqliteConnection, id: string) => OwnerDocuments> = {
  t: transcriptDocuments,
  n: noteDocuments,
  p: planDocuments,
  b: briefDocuments,
};

/**
 * An owner's passages as its source tables hold them now ("t:<sessionId>" → the transcript).
 * An owner whose source is gone (a deleted session) reads as nothing, so the drain removes it.
 */
export function ownerDocuments(connection: SqliteConnection, owner: string): OwnerDocuments {
  const [kind, id] = [owner.slice(0, 1), owner.slice(2)];
  const read = READERS[kind];
  return read && id ? read(connection, id) : selfGrouped([]);
}

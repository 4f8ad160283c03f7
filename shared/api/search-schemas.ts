import { z } from 'zod';
import { SESSION_KINDS } from '../domain/enums';
import { Id } from './schemas';

/**
 * Search across a library, as the API carries it: one query over transcripts, notes, plans and
 * briefs, answered by full-text (SQLite FTS5) and by meaning (sentence embeddings) in parallel and
 * merged by reciprocal rank fusion. Everything stays in the encrypted library.
 */

/** Where a hit was found. */
export const SEARCH_SOURCES = ['transcript', 'note', 'plan', 'brief'] as const;
export type SearchSource = (typeof SEARCH_SOURCES)[number];

/** hybrid = both, merged; keyword and semantic alone are there to compare and to narrow. */
export const SEARCH_MODES = ['hybrid', 'keyword', 'semantic'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

/** "When did she first mention sleep?" wants oldest first; the default is relevance. */
export const SEARCH_SORTS = ['relevance', 'oldest', 'newest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const SearchFilters = z.object({
  clientId: Id.optional(),
  /** Session day from / to, inclusive, epoch ms. */
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  /** Only these sources (default: all). */
  sources: z.array(z.enum(SEARCH_SOURCES)).optional(),
  /** Only sessions of these kinds (individual, couple, family, group). */
  sessionKinds: z.array(z.enum(SESSION_KINDS)).optional(),
  /** Only sessions whose note was written with this template. */
  templateId: z.string().optional(),
  /** Only sessions with (true) or without (false) a risk flag. */
  hasRisk: z.boolean().optional(),
});
export type SearchFilters = z.infer<typeof SearchFilters>;

export const SearchInput = z.object({
  /**
   * Words as a clinician types them: plain words (all must match), "a phrase", prefix* ,
   * NEAR(word word, 5), OR, -word. Malformed syntax is read as plain words, never an error.
   */
  query: z.string().trim().min(1).max(500),
  filters: SearchFilters.optional(),
  mode: z.enum(SEARCH_MODES).default('hybrid'),
  sort: z.enum(SEARCH_SORTS).default('relevance'),
  limit: z.number().int().min(1).max(100).default(20),
  offset: z.number().int().min(0).max(1000).default(0),
});
export type SearchInput = z.input<typeof SearchInput>;

/** A stretch of a snippet; highlighted stretches are the matched words (rendered as <mark>). */
export const SnippetPart = z.object({ text: z.string(), highlight: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;

export const SearchHit = z.object({
  /** The indexed document's id (stable across queries until it is re-indexed). */
  id: z.string(),
  source: z.enum(SEARCH_SOURCES),
  clientId: z.string().nullable(),
  clientName: z.string().nullable(),
  sessionId: z.string().nullable(),
  sessionTitle: z.string().nullable(),
  /** The session's day (or the plan's / brief's date), epoch ms. */
  date: z.number().int().nullable(),
  /** Where to open: the transcript segment (and its start, to seek the audio) … */
  segmentId: z.string().nullable(),
  startMs: z.number().int().nullable(),
  /** … or the note and its section, the plan, the brief. */
  noteId: z.string().nullable(),
  sectionKey: z.string().nullable(),
  planId: z.string().nullable(),
  briefId: z.string().nullable(),
  /** Who spoke (transcript), or the section's title (note, plan, brief), in words. */
  label: z.string().nullable(),
  snippet: z.array(SnippetPart),
  /** Fused score (higher is better) and what found it. */
  score: z.number(),
  matchedBy: z.array(z.enum(['keyword', 'semantic'])),
  hasRisk: z.boolean(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  hits: z.array(SearchHit),
  /** How many documents matched (keyword matches counted exactly, semantic ones cut at a floor). */
  total: z.number().int(),
  mode: z.enum(SEARCH_MODES),
  /**
   * Meaning search needs the bundled sentence encoder; without it the answer is keyword-only and
   * says so (never an error).
   */
  semantic: z.object({ available: z.boolean(), reason: z.string().nullable() }),
  /** Changes not yet indexed (indexing catches up in the background). */
  pending: z.number().int(),
  tookMs: z.number(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const SearchStatus = z.object({
  documents: z.number().int(),
  vectors: z.number().int(),
  pending: z.number().int(),
  /** Bytes the index takes in the library (text and vectors). */
  sizeBytes: z.number().int(),
  encoder: z.object({ available: z.boolean(), name: z.string().nullable() }),
  lastRebuiltAt: z.number().int().nullable(),
  /** A rebuild under way, if any. */
  rebuildRunId: z.string().nullable(),
});
export type SearchStatus = z.infer<typeof SearchStatus>;

import type { SearchHit, SearchResult } from '../../../../shared/api/search-schemas';
import { epochToDay } from './search-form';
import { whereWords } from './search-words';

/**
 * One hit's content, the same in the palette and on the results page: when, who and where on one
 * line, then the words around the match with the matched words marked. The snippet arrives as
 * parts (never HTML), so a transcript's text is always shown as text.
 */
export function SearchHitView({ hit }: { hit: SearchHit }) {
  const byMeaningOnly = !hit.matchedBy.includes('keyword');
  return (
    <>
      <span className="search-hit-head">
        <span className="search-hit-date">{hit.date === null ? '—' : epochToDay(hit.date)}</span>
        <span className="search-hit-client">{hit.clientName ?? 'Unassigned client'}</span>
        <span className="search-hit-where">{whereWords(hit)}</span>
        {hit.hasRisk && <span className="search-hit-risk">Risk flag on record</span>}
      </span>
      <span className="search-hit-snippet" data-testid="search-snippet">
        {hit.snippet.map((part, index) =>
          part.highlight ? (
            <mark key={index}>{part.text}</mark>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </span>
      {byMeaningOnly && (
        <span className="search-hit-meaning" data-testid="found-by-meaning">
          Found by meaning
        </span>
      )}
    </>
  );
}

/**
 * What the clinician should know about the answer itself: meaning search unavailable (so only
 * the words were searched), changes still being indexed. Calm lines, never an error.
 */
export function SearchNotes({ result }: { result: SearchResult }) {
  return (
    <>
      {!result.semantic.available && (
        <p className="search-note muted" data-testid="search-words-only">
          Searching words only: {result.semantic.reason ?? 'search by meaning is not available.'}
        </p>
      )}
      {result.pending > 0 && (
        <p className="search-note muted" data-testid="search-pending">
          {result.pending} {result.pending === 1 ? 'change' : 'changes'} not yet searchable.
        </p>
      )}
    </>
  );
}

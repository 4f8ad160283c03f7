import './search.css';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SearchFilters } from './SearchFilters';
import { SearchHitView, SearchNotes } from './SearchHitView';
import {
  formFromParams,
  formToInput,
  formToSearch,
  PAGE_SIZE,
  type SearchForm,
} from './search-form';
import { countWords, hitHref } from './search-words';
import { shownResult, useSearch } from './use-search';

/**
 * Every result of a search, a page at a time, with the filters beside the words. The URL holds
 * the whole question (`/search?q=…&clientId=…&page=2`): "See all results" from the palette lands
 * here, and a reload, Back or a bookmark asks the same again.
 */
export function SearchPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { form, page } = formFromParams(params);
  const state = useSearch(form.q.trim() ? formToInput(form, PAGE_SIZE, page) : null);
  const result = shownResult(state);
  // A new question starts again on page 1; typing replaces the entry, so Back leaves the page.
  const ask = (next: SearchForm) => void navigate(formToSearch(next), { replace: true });
  const pages = result ? Math.ceil(result.total / PAGE_SIZE) : 0;
  return (
    <section className="search-page" aria-labelledby="search-title">
      <h1 id="search-title">Search</h1>
      <form role="search" className="search-page-form" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="search-page-words" className="visually-hidden">
          Search words
        </label>
        <input
          id="search-page-words"
          type="search"
          className="search-input"
          value={form.q}
          placeholder="Words, “a phrase”, sleep*, NEAR(sleep work)…"
          onChange={(event) => ask({ ...form, q: event.target.value })}
        />
        <SearchFilters form={form} onChange={ask} />
      </form>
      {state.status === 'error' && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
      <p role="status" className="search-count muted" data-testid="search-page-count">
        {!form.q.trim()
          ? 'Type to search transcripts, notes, plans and briefs.'
          : result
            ? countWords(result, page)
            : 'Searching…'}
      </p>
      {result && form.q.trim() && <SearchNotes result={result} />}
      {result && result.hits.length > 0 && (
        <ol className="search-results search-page-results" start={(page - 1) * PAGE_SIZE + 1}>
          {result.hits.map((hit) => {
            const href = hitHref(hit);
            return (
              <li key={hit.id} className="search-hit" data-testid="search-page-hit">
                {href ? (
                  <Link to={href} className="search-hit-link">
                    <SearchHitView hit={hit} />
                  </Link>
                ) : (
                  <SearchHitView hit={hit} />
                )}
              </li>
            );
          })}
        </ol>
      )}
      {pages > 1 && (
        <nav className="search-paging" aria-label="Result pages">
          {page > 1 && <Link to={formToSearch(form, page - 1)}>← Previous</Link>}
          <span className="muted">
            Page {page} of {pages}
          </span>
          {page < pages && <Link to={formToSearch(form, page + 1)}>Next →</Link>}
        </nav>
      )}
    </section>
  );
}

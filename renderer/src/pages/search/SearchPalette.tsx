import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import type { SearchHit } from '../../../../shared/api/search-schemas';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { SearchFilters } from './SearchFilters';
import { SearchHitView, SearchNotes } from './SearchHitView';
import { EMPTY_FORM, formToInput, formToSearch, type SearchForm } from './search-form';
import { countWords, hitHref } from './search-words';
import { shownResult, useSearch } from './use-search';

/** The palette shows the best few; "See all results" has the rest, a page at a time. */
const PALETTE_LIMIT = 8;

/**
 * The search palette (Ctrl/Cmd-K): a modal dialog holding a combobox (WAI-ARIA's pattern: the
 * focus stays in the text field, ↑ and ↓ move through the results as the active option, Enter
 * opens it, Escape closes and gives the focus back to what had it). Results come as the words
 * are typed; the filters and the order are one Tab away, behind "Filters".
 */
export function SearchPalette({
  open,
  onClose,
  form,
  onForm,
}: {
  open: boolean;
  onClose: () => void;
  /** Kept by the owner, so the palette opens again on the last search. */
  form: SearchForm;
  onForm: (form: SearchForm) => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title="Search the library" className="search-palette">
      <PaletteBody form={form} onForm={onForm} onClose={onClose} />
    </Dialog>
  );
}

function PaletteBody({
  form,
  onForm,
  onClose,
}: {
  form: SearchForm;
  onForm: (form: SearchForm) => void;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const listId = useId();
  const [filtersOpen, setFiltersOpen] = useState(activeFilters(form) > 0);
  const state = useSearch(form.q.trim() ? formToInput(form, PALETTE_LIMIT) : null);
  const result = shownResult(state);
  const hits = result?.hits ?? [];
  const optionId = (index: number) => `${listId}-option-${index}`;
  // The active option belongs to the results it was chosen in: new results (or the last ones shown
  // while newer words are being searched), none is active until the clinician moves to one, so
  // Enter never opens a result of words no longer in the field.
  const [cursor, setCursor] = useState<{ of: typeof result; index: number }>({
    of: null,
    index: -1,
  });
  const active = state.status === 'ready' && cursor.of === result ? cursor.index : -1;
  const setActive = (index: number) => setCursor({ of: result, index });
  useEffect(() => {
    if (active >= 0)
      document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
    // optionId is derived from listId, which never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);

  const go = (href: string) => {
    onClose();
    void navigate(href);
  };
  const openHit = (hit: SearchHit) => {
    const href = hitHref(hit);
    if (href) go(href);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && hits.length > 0)
      setActive(Math.min(active + 1, hits.length - 1));
    else if (event.key === 'ArrowUp' && hits.length > 0) setActive(Math.max(active - 1, 0));
    else if (event.key === 'Enter') {
      const hit = hits[active];
      if (hit) openHit(hit);
      else if (form.q.trim()) go(formToSearch(form));
    } else return;
    event.preventDefault();
  };

  return (
    <div className="search-palette-body">
      <input
        // Not type="search": there Escape first empties the field, and here it closes the palette.
        type="text"
        className="search-input"
        role="combobox"
        aria-label="Search words"
        aria-expanded={hits.length > 0}
        aria-controls={hits.length > 0 ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? optionId(active) : undefined}
        aria-describedby={`${listId}-count`}
        placeholder="Words, “a phrase”, sleep*, NEAR(sleep work)…"
        autoComplete="off"
        spellCheck={false}
        // The dialog just opened for this field: the focus belongs here.
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
        value={form.q}
        onChange={(event) => onForm({ ...form, q: event.target.value })}
        onKeyDown={onKeyDown}
      />
      <div className="search-palette-bar">
        <p id={`${listId}-count`} role="status" className="search-count muted">
          {state.status === 'error'
            ? ''
            : result && form.q.trim()
              ? countWords(result, 1, PALETTE_LIMIT)
              : 'Type to search transcripts, notes, plans and briefs.'}
        </p>
        <Button
          size="sm"
          variant="ghost"
          aria-expanded={filtersOpen}
          onClick={() => setFiltersOpen((shown) => !shown)}
        >
          Filters{activeFilters(form) > 0 ? ` (${activeFilters(form)})` : ''}
        </Button>
      </div>
      {filtersOpen && <SearchFilters form={form} onChange={onForm} />}
      {state.status === 'error' && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
      {result && form.q.trim() && <SearchNotes result={result} />}
      {hits.length > 0 && (
        <ul
          id={listId}
          role="listbox"
          aria-label="Results"
          aria-busy={state.status === 'searching'}
          className="search-results"
        >
          {hits.map((hit, index) => (
            <li
              key={hit.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className="search-hit"
              data-testid="search-hit"
              onMouseMove={() => setActive(index)}
              onClick={() => openHit(hit)}
            >
              <SearchHitView hit={hit} />
            </li>
          ))}
        </ul>
      )}
      {result && form.q.trim() && hits.length > 0 && (
        <Button size="sm" className="search-all" onClick={() => go(formToSearch(form))}>
          See all results
        </Button>
      )}
      <p className="search-keys muted">
        <kbd className="kbd">↑</kbd> <kbd className="kbd">↓</kbd> choose ·{' '}
        <kbd className="kbd">Enter</kbd> open · <kbd className="kbd">Esc</kbd> close
      </p>
    </div>
  );
}

/** How many filters differ from "everything" (the order is not a filter). */
export function activeFilters(form: SearchForm): number {
  return (['clientId', 'from', 'to', 'source', 'kind', 'templateId', 'risk'] as const).filter(
    (key) => form[key] !== EMPTY_FORM[key],
  ).length;
}

import './search.css';
import { useEffect, useState } from 'react';
import { SearchPalette } from './SearchPalette';
import { EMPTY_FORM, type SearchForm } from './search-form';

/**
 * ⌘K on a Mac, Ctrl+K elsewhere. Only ⌘ on a Mac: there Ctrl+K in a text field deletes to the end
 * of the line, and a clinician editing a note must keep that.
 */
const ON_MAC = /Mac|iPhone|iPad/.test(navigator.userAgent);
const SHORTCUT = ON_MAC
  ? { words: '⌘K', aria: 'Meta+K', held: (event: KeyboardEvent) => event.metaKey && !event.ctrlKey }
  : {
      words: 'Ctrl K',
      aria: 'Control+K',
      held: (event: KeyboardEvent) => event.ctrlKey && !event.metaKey,
    };

/**
 * Search from anywhere in the desk: the button in the navigation (its shortcut written on it) and
 * Ctrl+K (⌘K) on every page, even from inside a text field (the key types nothing there). The last
 * search is kept while the desk is open, so the palette opens again where it was left.
 */
export function SearchLauncher() {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<SearchForm>(EMPTY_FORM);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!SHORTCUT.held(event) || event.altKey || event.shiftKey) return;
      if (event.key.toLowerCase() !== 'k') return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        className="search-button"
        data-testid="search-button"
        aria-keyshortcuts={SHORTCUT.aria}
        onClick={() => setOpen(true)}
      >
        <span>Search</span>
        <kbd className="kbd" aria-hidden="true">
          {SHORTCUT.words}
        </kbd>
      </button>
      <SearchPalette open={open} onClose={() => setOpen(false)} form={form} onForm={setForm} />
    </>
  );
}

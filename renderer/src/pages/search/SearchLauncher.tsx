import './search.css';
import { useEffect, useState } from 'react';
import { SearchPalette } from './SearchPalette';
import { EMPTY_FORM, type SearchForm } from './search-form';

/** The shortcut as this machine writes it: ⌘K on a Mac, Ctrl K elsewhere. */
function shortcutWords(): string {
  return /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘K' : 'Ctrl K';
}

/**
 * Search from anywhere in the desk: the button in the navigation (its shortcut written on it) and
 * Ctrl/Cmd-K on every page, even from inside a text field (the key types nothing there). The last
 * search is kept while the desk is open, so the palette opens again where it was left.
 */
export function SearchLauncher() {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<SearchForm>(EMPTY_FORM);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (event.key.toLowerCase() !== 'k') return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const keys = shortcutWords();
  return (
    <>
      <button
        type="button"
        className="search-button"
        data-testid="search-button"
        aria-keyshortcuts="Control+K Meta+K"
        onClick={() => setOpen(true)}
      >
        <span>Search</span>
        <kbd className="kbd" aria-hidden="true">
          {keys}
        </kbd>
      </button>
      <SearchPalette open={open} onClose={() => setOpen(false)} form={form} onForm={setForm} />
    </>
  );
}

// The search box: the same form sits in the header of every page and at the top of the search page.
// Submitting only changes the URL; the search page reads its query from there.
import { useRef, useState } from 'react';
import { useI18n } from '../../../lib/i18n-context.js';
import { navigate } from '../../../lib/router.js';
import { useSearchShortcut } from '../hooks/use-search-shortcut.js';
import { queryHref, SEARCH_PATH } from '../utils/search-location.js';
import './search.css';

interface SearchFormProps {
  /** The query being shown (the URL's); typing is replaced when it changes (back/forward). */
  query: string;
  variant: 'header' | 'page' | 'map';
  /** Whether `/` focuses this box (only one box on a page should answer it). */
  shortcut: boolean;
  /** id of the notice explaining what is wrong with `query`, when something is. */
  faultId?: string;
  /** Where a typed query goes; by default the search page's first page for it. */
  hrefFor?(q: string): string;
}

export function SearchForm({ query, variant, shortcut, faultId, hrefFor = queryHref }: SearchFormProps) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(query);
  const [shownQuery, setShownQuery] = useState(query);
  if (shownQuery !== query) {
    setShownQuery(query);
    setValue(query);
  }
  useSearchShortcut(input, shortcut);

  return (
    // action/method keep the box working as a plain GET form before the script has loaded.
    <form
      role="search"
      action={SEARCH_PATH}
      method="get"
      className={`search-form search-form--${variant}`}
      data-testid={`${variant}-search`}
      onSubmit={(event) => {
        event.preventDefault();
        // The map panel's box changes the search beside the map: the page must not jump to the top.
        navigate(hrefFor(value), { scroll: variant !== 'map' });
      }}
    >
      <input
        ref={input}
        className="search-form__input"
        type="search"
        name="q"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        aria-invalid={faultId ? true : undefined}
        aria-describedby={faultId}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
      />
      {variant === 'header' && shortcut && (
        <kbd className="search-form__key" title={t('search.shortcut')} aria-hidden>
          /
        </kbd>
      )}
      <button type="submit" className="search-form__submit">
        {variant === 'header' ? <SearchIcon label={t('search.submit')} /> : t('search.submit')}
      </button>
    </form>
  );
}

function SearchIcon({ label }: { label: string }) {
  return (
    <>
      <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden focusable="false">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M12.6 12.6 17 17" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <span className="visually-hidden">{label}</span>
    </>
  );
}

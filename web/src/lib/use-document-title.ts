import { useEffect } from 'react';
import { translate, type Lang } from './i18n.js';

/** Sets the tab title to "<page> · CoreShare 岩芯共享" (or the app name alone). */
export function useDocumentTitle(page: string | null | undefined, lang: Lang): void {
  useEffect(() => {
    const app = translate(lang, 'app.name');
    document.title = page ? `${page} · ${app}` : app;
  }, [page, lang]);
}

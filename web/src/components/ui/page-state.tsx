// Loading, error and not-found states shared by every page.
import { isNotFound } from '../../lib/api-client.js';
import { useI18n } from '../../lib/i18n-context.js';
import { Link } from '../../lib/router.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="page-state" role="status">
      {t('common.loading')}
    </p>
  );
}

export function NotFound() {
  const { t, lang } = useI18n();
  useDocumentTitle(t('notFound.title'), lang);
  return (
    <section className="page-state page-state--not-found" data-testid="not-found">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}

/** A 404 from the API shows the not-found page; anything else a retryable message. */
export function LoadError({ error, retry }: { error: unknown; retry(): void }) {
  const { t } = useI18n();
  if (isNotFound(error)) return <NotFound />;
  return (
    <div className="page-state page-state--error" role="alert">
      <p>
        {t('common.loadFailed')}
        {error instanceof Error && error.message ? `: ${error.message}` : ''}
      </p>
      <button type="button" onClick={retry}>
        {t('common.retry')}
      </button>
    </div>
  );
}

// /search/help — the query language: a written guide with runnable examples, then every field as
// the server's parser defines it.
import { LoadError, Loading } from '../../../components/ui/page-state.js';
import { formatCount } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { Link } from '../../../lib/router.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import type { SearchFields } from '../api/get-search-fields.js';
import { useSearchFields } from '../hooks/use-search.js';
import { SEARCH_PATH } from '../utils/search-location.js';
import { ExampleQueries } from './example-query.js';
import { FieldReference } from './field-reference.js';
import { BILINGUAL_EXAMPLE, QueryGuide } from './query-guide.js';
import './search.css';

export function SearchHelpPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t('searchHelp.title'), lang);
  return (
    <article className="search-help" data-testid="search-help-page">
      <p className="breadcrumb">
        <Link to={SEARCH_PATH}>← {t('searchHelp.back')}</Link>
      </p>
      <header className="page-header">
        <h1>{t('searchHelp.title')}</h1>
        <p className="lead">{t('searchHelp.intro')}</p>
        <ExampleQueries queries={BILINGUAL_EXAMPLE} />
      </header>
      <QueryGuide />
      <FieldList />
    </article>
  );
}

function FieldList() {
  const { t } = useI18n();
  const fields = useSearchFields();
  return (
    <section className="field-list" aria-labelledby="field-list-title">
      <h2 id="field-list-title">{t('searchHelp.fieldList')}</h2>
      <p className="muted">{t('searchHelp.fieldListIntro')}</p>
      {fields.status === 'loading' && <Loading />}
      {fields.status === 'error' && <LoadError error={fields.error} retry={fields.retry} />}
      {fields.status === 'success' && <Fields data={fields.data} />}
    </section>
  );
}

function Fields({ data }: { data: SearchFields }) {
  const { t, lang } = useI18n();
  return (
    <>
      <p className="muted" data-testid="search-limits">
        {t('searchHelp.limits', {
          maxLength: formatCount(data.limits.maxLength, lang),
          maxNesting: formatCount(data.limits.maxNesting, lang),
          maxTerms: formatCount(data.limits.maxTerms, lang),
        })}
      </p>
      <div className="field-grid">
        {data.fields.map((field) => (
          <FieldReference key={field.name} field={field} />
        ))}
      </div>
    </>
  );
}

// /boreholes/:id — everything known about one borehole, on one page.
import { CopyButton } from '../../../components/ui/copy-button.js';
import { LoadError, Loading } from '../../../components/ui/page-state.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import { ReturnedDataSection } from '../../returns/components/returned-data-section.js';
import { SharingPanel } from '../../sharing/components/sharing-panel.js';
import type { Borehole } from '../api/get-borehole.js';
import { useBorehole } from '../hooks/use-borehole.js';
import { BoreholeSummary } from './borehole-summary.js';
import { BoxesTable, CatalogTable, SamplesTable } from './borehole-tables.js';
import { DownholeTrace } from './downhole-trace.js';
import { LithologyColumn } from './lithology-column.js';
import './borehole.css';

export function BoreholePage({ id }: { id: string }) {
  const query = useBorehole(id);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'error') return <LoadError error={query.error} retry={query.retry} />;
  return <BoreholeView b={query.data} />;
}

function BoreholeView({ b }: { b: Borehole }) {
  const { t, lang } = useI18n();
  const coreClass = vocabularyLabel('coreClass', b.core_class, lang);
  useDocumentTitle(b.name || b.hole_id || b.id, lang);
  return (
    <article className="borehole" data-testid="borehole-page">
      <header className="page-header">
        <p className="eyebrow">{t('borehole.title')}</p>
        <h1>
          {b.name || b.hole_id || b.id}
          {coreClass && <span className={`badge badge--class-${b.core_class ?? ''}`}>{coreClass}</span>}
        </h1>
        <p className="public-id">
          <span className="muted">{t('borehole.publicId')}</span> <code>{b.id}</code>{' '}
          <CopyButton value={b.id} />
        </p>
      </header>

      <section aria-labelledby="sec-summary" className="card">
        <h2 id="sec-summary">{t('borehole.summary')}</h2>
        <BoreholeSummary b={b} />
      </section>

      <SharingPanel hole={b} />

      <div className="borehole__plots">
        <section aria-labelledby="sec-lithology" className="card">
          <h2 id="sec-lithology">{t('lithology.title')}</h2>
          <LithologyColumn intervals={b.lithology ?? []} totalDepth={b.total_depth} />
        </section>
        <section aria-labelledby="sec-trace" className="card">
          <h2 id="sec-trace">{t('trace.title')}</h2>
          <DownholeTrace trace={b.trace ?? []} surveyCount={b.surveys?.length ?? 0} />
        </section>
      </div>

      <section aria-labelledby="sec-boxes" className="card">
        <h2 id="sec-boxes">{t('boxes.title')}</h2>
        <BoxesTable boxes={b.boxes ?? []} />
      </section>
      <section aria-labelledby="sec-samples" className="card">
        <h2 id="sec-samples">{t('samples.title')}</h2>
        <SamplesTable samples={b.samples ?? []} />
      </section>
      <ReturnedDataSection boreholeId={b.id} />
      <section aria-labelledby="sec-catalog" className="card">
        <h2 id="sec-catalog">{t('catalog.title')}</h2>
        <CatalogTable items={b.catalog ?? []} />
      </section>
    </article>
  );
}

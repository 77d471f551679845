// The request page's "Return results" card, once the core was shared: for the requester the upload
// form (then the "return results" step among the actions), and for every party what came back for
// this request so far, each dataset linked to its file (or its paper) and to the borehole page.
import { useState } from 'react';
import { DataTable } from '../../../components/ui/data-table.js';
import { LoadError, Loading } from '../../../components/ui/page-state.js';
import { formatCount, formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { Link } from '../../../lib/router.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import { returnedFileUrl, type ReturnedDataset } from '../api/returned-dataset.js';
import { useBoreholeReturns } from '../hooks/use-borehole-returns.js';
import { doiUrl } from '../utils/return-form.js';
import { EmbargoStatus } from './embargo-status.js';
import { ReturnForm } from './return-form.js';
import './returns.css';

export function ReturnResultsPanel({
  request,
  isRequester,
  sampleNumbers,
}: {
  request: { id: string; state: string; results_owed: boolean; borehole: { id: string } };
  isRequester: boolean;
  sampleNumbers: string[];
}) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const awaitingStep = ['fulfilled', 'returned'].includes(request.state);
  const lead = !awaitingStep
    ? 'returns.lead'
    : request.results_owed
      ? 'returns.leadThenStep'
      : 'returns.leadOptional';
  return (
    <section className="card returns-panel" aria-labelledby="sec-returns" data-testid="returns-panel">
      <h2 id="sec-returns">{t('returns.panelTitle')}</h2>
      {isRequester && (
        <>
          <p className="lead">{t(lead)}</p>
          <ReturnForm
            requestId={request.id}
            sampleNumbers={sampleNumbers}
            onUploaded={() => setVersion((v) => v + 1)}
          />
        </>
      )}
      <h3>{t('returns.returnedSoFar')}</h3>
      <RequestReturns requestId={request.id} boreholeId={request.borehole.id} version={version} />
    </section>
  );
}

function RequestReturns({
  requestId,
  boreholeId,
  version,
}: {
  requestId: string;
  boreholeId: string;
  version: number;
}) {
  const { t, lang } = useI18n();
  const returns = useBoreholeReturns(boreholeId, version);
  if (returns.status === 'loading') return <Loading />;
  if (returns.status === 'error') return <LoadError error={returns.error} retry={returns.retry} />;
  const mine = returns.data.filter((d) => d.request_id === requestId);
  return (
    <>
      <DataTable<ReturnedDataset>
        caption={t('returns.returnedSoFar')}
        testId="request-returns"
        rows={mine}
        rowKey={(d) => d.id}
        empty={t('returns.noneYet')}
        columns={[
          { key: 'title', header: t('returns.title'), cell: (d) => <DatasetLink dataset={d} /> },
          {
            key: 'kind',
            header: t('returns.kind'),
            cell: (d) => vocabularyLabel('returnKind', d.kind, lang),
          },
          {
            key: 'values',
            header: t('returns.values'),
            cell: (d) => (d.values > 0 ? formatCount(d.values, lang) : ''),
            numeric: true,
          },
          { key: 'embargo', header: t('returns.embargoCol'), cell: (d) => <EmbargoStatus dataset={d} /> },
          { key: 'at', header: t('returns.uploadedAt'), cell: (d) => formatDateTime(d.uploaded_at, lang) },
        ]}
      />
      {mine.length > 0 && (
        <p className="note">
          <Link
            to={`/boreholes/${encodeURIComponent(boreholeId)}#returned-data`}
            data-testid="returns-on-borehole"
          >
            {t('returns.onBorehole')}
          </Link>
        </p>
      )}
    </>
  );
}

/** The dataset's title, linked to its file, or to its paper for a publication. */
function DatasetLink({ dataset: d }: { dataset: ReturnedDataset }) {
  if (d.doi && !d.file_name)
    return (
      <a href={doiUrl(d.doi)} rel="noreferrer" data-testid="returned-link">
        {d.title}
      </a>
    );
  if (d.file_name)
    return (
      <a href={returnedFileUrl(d.id)} download={d.file_name} data-testid="returned-link">
        {d.title}
      </a>
    );
  return <>{d.title}</>;
}

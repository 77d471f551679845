// The borehole page's "Returned data" card: what researchers returned from this core (assays,
// spectra, reports, papers), who returned it (their organisation is credited), for which custodian,
// the DOI, and whether it is still embargoed. Everyone sees that the data exists; the values, read
// on demand, only where the embargo allows: after it ends, or for the request's parties.
import { useEffect, useRef, useState } from 'react';
import { DefinitionList } from '../../../components/ui/definition-list.js';
import { LoadError, Loading } from '../../../components/ui/page-state.js';
import { formatCount, formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import { useSession } from '../../account/hooks/use-session.js';
import { useCustodianNames } from '../../search/hooks/use-custodian-names.js';
import { isEmbargoed } from '../api/get-returned-values.js';
import { returnedFileUrl, type ReturnedDataset } from '../api/returned-dataset.js';
import { useBoreholeReturns } from '../hooks/use-borehole-returns.js';
import { useReturnedValues } from '../hooks/use-returned-values.js';
import { doiUrl, normaliseDoi } from '../utils/return-form.js';
import { embargoDay } from '../utils/returned-values.js';
import { EmbargoStatus } from './embargo-status.js';
import { ReturnedValuesTable } from './returned-values-table.js';
import './returns.css';

export function ReturnedDataSection({ boreholeId }: { boreholeId: string }) {
  const { t } = useI18n();
  const returns = useBoreholeReturns(boreholeId);
  const ref = useRef<HTMLElement>(null);
  const loaded = returns.status === 'success';
  // Linked from a request page as #returned-data: the card loads after the page, so scroll once it has.
  useEffect(() => {
    if (loaded && window.location.hash === '#returned-data') ref.current?.scrollIntoView();
  }, [loaded]);
  return (
    <section
      ref={ref}
      id="returned-data"
      aria-labelledby="sec-returned"
      className="card returned-data"
      data-testid="returned-data"
    >
      <h2 id="sec-returned">{t('returned.title')}</h2>
      {returns.status === 'loading' ? (
        <Loading />
      ) : returns.status === 'error' ? (
        <LoadError error={returns.error} retry={returns.retry} />
      ) : returns.data.length === 0 ? (
        <p className="empty" data-testid="returned-none">
          {t('returned.none')}
        </p>
      ) : (
        <>
          <p className="lead">{t('returned.lead')}</p>
          <ul className="returned-list">
            {returns.data.map((d) => (
              <Dataset key={d.id} dataset={d} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Dataset({ dataset: d }: { dataset: ReturnedDataset }) {
  const { t, lang } = useI18n();
  const custodianName = useCustodianNames();
  const headingId = `returned-${d.id}`;
  return (
    <li
      className="returned-list__item"
      aria-labelledby={headingId}
      data-testid="returned-dataset"
      data-dataset={d.id}
      data-embargo={d.under_embargo}
    >
      <h3 id={headingId} className="returned-list__title">
        <span data-testid="returned-title">{d.title}</span>
        <span className="badge returned-kind">{vocabularyLabel('returnKind', d.kind, lang)}</span>
      </h3>
      <DefinitionList
        className="returned-list__facts"
        items={[
          {
            label: t('returned.by'),
            value: (
              <span data-testid="returned-credit">
                {t('request.requesterOf', { name: d.credit.requester, organisation: d.credit.organisation })}
              </span>
            ),
          },
          { label: t('returned.custodian'), value: custodianName(d.credit.custodian) },
          {
            label: t('returns.doi'),
            value: d.doi ? (
              <a href={doiUrl(d.doi)} rel="noreferrer" data-testid="returned-doi">
                {normaliseDoi(d.doi)}
              </a>
            ) : null,
          },
          { label: t('returns.embargoCol'), value: <EmbargoStatus dataset={d} /> },
          { label: t('returns.values'), value: d.values > 0 ? formatCount(d.values, lang) : null },
          { label: t('returns.uploadedAt'), value: formatDateTime(d.uploaded_at, lang) },
          { label: t('returned.request'), value: <code>{d.request_id}</code> },
        ]}
      />
      <DatasetValues dataset={d} />
    </li>
  );
}

function DatasetValues({ dataset: d }: { dataset: ReturnedDataset }) {
  const { t } = useI18n();
  const { account } = useSession();
  const { state, load } = useReturnedValues(d.id);
  const [open, setOpen] = useState(false);
  const embargoNote = (
    <p className="embargo-note" data-testid="returned-embargo">
      {t('returned.embargoNote', { date: embargoDay(d.embargo_until) })}
    </p>
  );
  // A signed-out reader cannot be a party: while embargoed, there is nothing to ask for.
  if (d.under_embargo && !account) return embargoNote;
  if (d.values === 0 && !d.file_name) return null;
  const file = d.file_name ? (
    <a href={returnedFileUrl(d.id)} download={d.file_name} data-testid="returned-file">
      {t('returned.download', { file: d.file_name })}
    </a>
  ) : null;
  if (d.values === 0) return d.under_embargo ? null : <p className="note">{file}</p>;
  const toggle = () => {
    if (!open && state.status !== 'success') load();
    setOpen(!open);
  };
  return (
    <div className="returned-values">
      <p className="returned-values__bar">
        <button
          type="button"
          className="button-secondary"
          aria-expanded={open}
          aria-controls={`returned-values-${d.id}`}
          onClick={toggle}
          data-testid="returned-show-values"
        >
          {t(open ? 'returned.hideValues' : 'returned.showValues', { n: d.values })}
        </button>
        {!d.under_embargo && file}
      </p>
      <div id={`returned-values-${d.id}`} hidden={!open}>
        {open &&
          (state.status === 'idle' || state.status === 'loading' ? (
            <Loading />
          ) : state.status === 'error' ? (
            isEmbargoed(state.error) ? (
              embargoNote
            ) : (
              <LoadError error={state.error} retry={load} />
            )
          ) : (
            <>
              <ReturnedValuesTable title={d.title} values={state.data.values} />
              {d.under_embargo && <p className="note">{file}</p>}
            </>
          ))}
      </div>
    </div>
  );
}

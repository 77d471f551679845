// /requests/:id — one request as its parties see it: what is asked for, on what terms, where it
// stands, what the reader may do now, the agreement once there is one, and every step so far.
import { DataTable } from '../../../components/ui/data-table.js';
import { DefinitionList } from '../../../components/ui/definition-list.js';
import { LoadError, Loading } from '../../../components/ui/page-state.js';
import { formatDateTime, formatMetres, formatPercent } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import type { MessageKey } from '../../../lib/i18n.js';
import { Link } from '../../../lib/router.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import type { Account } from '../../account/api/get-me.js';
import { useSession } from '../../account/hooks/use-session.js';
import { CreditRecordCard } from '../../returns/components/credit-record.js';
import { ReturnResultsPanel } from '../../returns/components/return-results-panel.js';
import { STATES_WITH_RESULTS } from '../../returns/utils/return-form.js';
import type { RequestDetail } from '../api/get-request.js';
import type { Cut } from '../api/get-requests.js';
import { useRequestDetail } from '../hooks/use-request-detail.js';
import { useSampleNumbers } from '../hooks/use-sample-numbers.js';
import { curatedCustodians } from '../utils/sharing-access.js';
import { AgreementSection } from './agreement-section.js';
import { RequestActions } from './request-actions.js';
import { RequestTimeline } from './request-timeline.js';
import { SignInPrompt } from './sign-in-prompt.js';
import { StateBadge } from './state-badge.js';
import './sharing.css';

export function RequestPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const signedIn = session.account !== null;
  const { state, replace, reload } = useRequestDetail(id, signedIn);
  useDocumentTitle(state.status === 'success' ? state.request.title : t('request.eyebrow'), lang);
  if (session.loading) return <Loading />;
  if (!signedIn)
    return (
      <div className="card">
        <SignInPrompt
          text={t('request.signIn')}
          next={`/requests/${encodeURIComponent(id)}`}
          testId="request-sign-in"
        />
      </div>
    );
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError error={state.error} retry={reload} />;
  return (
    <RequestView request={state.request} account={session.account} onChange={replace} onReload={reload} />
  );
}

const PERMIT_REASON_KEYS: Record<string, MessageKey> = {
  classified: 'request.permitClassified',
  specially_protected: 'request.permitProtected',
  key_core_international: 'request.permitInternational',
  permit_mode: 'request.permitMode',
};

/** Who signs: the owner too when it is not the custodian (src/domain/sharing/request-workflow.ts). */
const signatories = (r: RequestDetail) =>
  r.owner_organisation ? ['requester', 'custodian', 'owner'] : ['requester', 'custodian'];

const SIGNING_STATES = ['agreement', 'fulfilled', 'returned', 'results_returned', 'closed'];

/** The reader acts for the request's custodian: its curator, or whoever the server lets act as it. */
const actsForCustodian = (r: RequestDetail, account: Account | null) =>
  curatedCustodians(account).includes(r.custodian.code) || r.actions.some((a) => a.party === 'custodian');

function RequestView({
  request: r,
  account,
  onChange,
  onReload,
}: {
  request: RequestDetail;
  account: Account | null;
  onChange(request: RequestDetail): void;
  onReload(): void;
}) {
  const { t, lang } = useI18n();
  const sampleNumbers = useSampleNumbers(r);
  const list = lang === 'zh' ? '、' : ', ';
  const custodianName = (lang === 'en' ? r.custodian.name_en : null) ?? r.custodian.name_zh;
  const date = (iso: string | null) => iso?.slice(0, 10) ?? '';
  const signed = SIGNING_STATES.includes(r.state) ? (
    <ul className="signatures" data-testid="request-signatures">
      {signatories(r).map((party) => {
        const done = r.signatures.includes(party);
        return (
          <li key={party} data-signed={done} data-party={party}>
            {vocabularyLabel('requestParty', party, lang)}
            {' · '}
            <span className={done ? 'signature--done' : 'muted'}>
              {t(done ? 'request.signed' : 'request.unsigned')}
            </span>
          </li>
        );
      })}
    </ul>
  ) : null;
  const fulfilled = STATES_WITH_RESULTS.includes(r.state);
  return (
    <article className="request-page" data-testid="request-page">
      <header className="page-header">
        <p className="eyebrow">{t('request.eyebrow')}</p>
        <h1>
          <span data-testid="request-title">{r.title}</span>
          <StateBadge state={r.state} testId="request-state" />
        </h1>
        <p className="public-id">
          <span className="muted">{t('request.id')}</span> <code>{r.id}</code>
        </p>
      </header>

      <div className="request-page__grid">
        <section className="card" aria-labelledby="sec-request">
          <h2 id="sec-request">{t('request.details')}</h2>
          <DefinitionList
            items={[
              {
                label: t('request.borehole'),
                value: (
                  <Link to={`/boreholes/${encodeURIComponent(r.borehole.id)}`} data-testid="request-borehole">
                    {r.borehole.hole_id}
                    {r.borehole.name && r.borehole.name !== r.borehole.hole_id ? ` · ${r.borehole.name}` : ''}
                  </Link>
                ),
              },
              {
                label: t('request.custodian'),
                value: (
                  <Link to={`/custodians/${encodeURIComponent(r.custodian.code)}`}>{custodianName}</Link>
                ),
              },
              {
                label: t('request.requester'),
                value: t('request.requesterOf', {
                  name: r.requester.name,
                  organisation: r.requester.organisation,
                }),
              },
              { label: t('request.owner'), value: r.owner_organisation },
              { label: t('request.mode'), value: vocabularyLabel('sharingMode', r.mode, lang) },
              { label: t('request.kind'), value: vocabularyLabel('requestKind', r.kind, lang) },
              { label: t('request.purpose'), value: vocabularyLabel('requestPurpose', r.purpose, lang) },
              { label: t('request.international'), value: r.international ? t('common.yes') : '' },
              {
                label: t('request.interval'),
                value:
                  r.depth_from != null && r.depth_to != null
                    ? `${formatMetres(r.depth_from, lang)} – ${formatMetres(r.depth_to, lang)}`
                    : t('request.wholeHole'),
              },
              {
                label: t('request.permit'),
                value: r.permit_required
                  ? r.permit_reasons
                      .map((p) => (PERMIT_REASON_KEYS[p] ? t(PERMIT_REASON_KEYS[p]) : p))
                      .join(list)
                  : '',
              },
              { label: t('request.resultsOwed'), value: r.results_owed ? t('request.resultsOwedYes') : '' },
              { label: t('request.dueDate'), value: date(r.due_date) },
              { label: t('request.resultsDue'), value: date(r.results_due) },
              { label: t('request.signatures'), value: signed },
              { label: t('request.created'), value: formatDateTime(r.created_at, lang) },
              { label: t('request.updated'), value: formatDateTime(r.updated_at, lang) },
            ]}
          />
          {r.description && (
            <>
              <h3>{t('request.description')}</h3>
              <p className="request-page__description">{r.description}</p>
            </>
          )}
        </section>

        <section className="card" aria-labelledby="sec-actions">
          <h2 id="sec-actions">{t('request.actions')}</h2>
          <RequestActions request={r} onChange={onChange} onReload={onReload} />
          {actsForCustodian(r, account) && (
            <CreditRecordCard organisation={r.requester.organisation} version={r.version} />
          )}
        </section>
      </div>

      {r.samples.length > 0 && (
        <section className="card" aria-labelledby="sec-request-samples">
          <h2 id="sec-request-samples">{t(fulfilled ? 'request.samplesCut' : 'request.samplesAsked')}</h2>
          <DataTable<Cut>
            caption={t(fulfilled ? 'request.samplesCut' : 'request.samplesAsked')}
            testId="request-samples"
            rows={r.samples}
            rowKey={(s, i) => `${i}:${s.depth_from}`}
            empty=""
            columns={[
              { key: 'n', header: '#', cell: (s) => r.samples.indexOf(s) + 1 },
              ...(sampleNumbers.some(Boolean)
                ? [
                    {
                      key: 'sample_no',
                      header: t('samples.sample_no'),
                      cell: (s: Cut) => {
                        const no = sampleNumbers[r.samples.indexOf(s)];
                        return no ? <code data-testid="request-sample-no">{no}</code> : '';
                      },
                    },
                  ]
                : []),
              {
                key: 'from',
                header: t('interval.from'),
                cell: (s) => formatMetres(s.depth_from, lang),
                numeric: true,
              },
              {
                key: 'to',
                header: t('interval.to'),
                cell: (s) => formatMetres(s.depth_to, lang),
                numeric: true,
              },
              {
                key: 'fraction',
                header: t('samples.fraction'),
                cell: (s) => formatPercent(s.fraction, lang),
                numeric: true,
              },
            ]}
          />
        </section>
      )}

      {STATES_WITH_RESULTS.includes(r.state) && (
        <ReturnResultsPanel
          request={r}
          isRequester={account?.id === r.requester.id}
          sampleNumbers={sampleNumbers.filter((n): n is string => n !== null)}
        />
      )}

      <AgreementSection requestId={r.id} version={r.version} />

      <section className="card" aria-labelledby="sec-timeline">
        <h2 id="sec-timeline">{t('timeline.title')}</h2>
        <RequestTimeline entries={r.timeline} />
      </section>
    </article>
  );
}

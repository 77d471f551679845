// /requests — the reader's own requests; /requests/inbox — those waiting on them as curator, owner
// or administrator (administrators find the permit queue as ?state=permit). State chips filter;
// "more" reads the next page after the last one.
import { DataTable } from '../../../components/ui/data-table.js';
import { LoadError, Loading } from '../../../components/ui/page-state.js';
import { formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { Link, useLocationSearch } from '../../../lib/router.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import type { Account } from '../../account/api/get-me.js';
import { useSession } from '../../account/hooks/use-session.js';
import { OverdueBox } from '../../returns/components/overdue-box.js';
import { useCustodianNames } from '../../search/hooks/use-custodian-names.js';
import type { RequestBox, SharingRequest } from '../api/get-requests.js';
import { useRequestList } from '../hooks/use-request-list.js';
import { refusalMessages } from '../utils/refusals.js';
import {
  curatedCustodians,
  FILTER_STATES,
  hasInbox,
  managesOffers,
  requestsHref,
  stateFromSearch,
} from '../utils/sharing-access.js';
import type { RequestState } from '../utils/sharing-rules.js';
import { SignInPrompt } from './sign-in-prompt.js';
import { StateBadge } from './state-badge.js';
import './sharing.css';

export function RequestsPage({ box }: { box: RequestBox }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const state = stateFromSearch(useLocationSearch());
  const title = t(
    box === 'inbox' ? (state === 'permit' ? 'requests.permits' : 'requests.inbox') : 'requests.mine',
  );
  useDocumentTitle(title, lang);
  const allowed = session.account !== null && (box === 'mine' || hasInbox(session.account));
  return (
    <div className="requests-page" data-testid={`requests-${box}`}>
      <header className="page-header">
        <h1>{title}</h1>
        <p className="lead">
          {t(box === 'inbox' ? 'requests.inboxLead' : 'requests.mineLead')}
          {box === 'inbox' && managesOffers(session.account) && (
            <>
              {' '}
              <Link to="/offers" data-testid="manage-offers">
                {t('requests.manageOffers')}
              </Link>
            </>
          )}
        </p>
      </header>
      {session.loading ? (
        <Loading />
      ) : !session.account ? (
        <div className="card">
          <SignInPrompt
            text={t('requests.signIn')}
            next={requestsHref(box, state)}
            testId="requests-sign-in"
          />
        </div>
      ) : !allowed ? (
        <p className="card empty">{t('requests.noInbox')}</p>
      ) : (
        <>
          {box === 'inbox' && <OverdueBoxes account={session.account} />}
          <StateChips box={box} current={state} />
          <RequestList box={box} state={state} />
        </>
      )}
    </div>
  );
}

/** A curator's overdue loans and results, one card per custodian they curate. */
function OverdueBoxes({ account }: { account: Account }) {
  const nameOf = useCustodianNames();
  return (
    <>
      {curatedCustodians(account).map((code) => (
        <OverdueBox key={code} custodian={code} name={nameOf(code)} />
      ))}
    </>
  );
}

function StateChips({ box, current }: { box: RequestBox; current: RequestState | null }) {
  const { t, lang } = useI18n();
  const chip = (state: RequestState | null, label: string) => (
    <li key={state ?? 'all'}>
      <Link
        to={requestsHref(box, state)}
        className="chip"
        aria-current={state === current ? 'true' : undefined}
        scroll={false}
        data-testid={`state-chip-${state ?? 'all'}`}
      >
        {label}
      </Link>
    </li>
  );
  return (
    <nav aria-label={t('requests.filter')} className="state-chips">
      <ul>
        {chip(null, t('requests.allStates'))}
        {FILTER_STATES.map((s) => chip(s, vocabularyLabel('requestState', s, lang)))}
      </ul>
    </nav>
  );
}

function RequestList({ box, state }: { box: RequestBox; state: RequestState | null }) {
  const { t, lang } = useI18n();
  const { list, loadMore, retry } = useRequestList(box, state);
  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error') return <LoadError error={list.error} retry={retry} />;
  const label = (vocabulary: 'requestKind' | 'sharingMode', code: string) =>
    vocabularyLabel(vocabulary, code, lang);
  const custodian = (r: SharingRequest) =>
    (lang === 'en' ? r.custodian.name_en : null) ?? r.custodian.name_zh ?? r.custodian.code;
  return (
    <section className="card" aria-labelledby="requests-list">
      <h2 id="requests-list" className="visually-hidden">
        {t('requests.list')}
      </h2>
      <DataTable<SharingRequest>
        caption={t('requests.list')}
        testId="requests-table"
        rows={list.items}
        rowKey={(r) => r.id}
        empty={t(
          state ? 'requests.emptyState' : box === 'inbox' ? 'requests.emptyInbox' : 'requests.emptyMine',
        )}
        columns={[
          {
            key: 'title',
            header: t('request.titleCol'),
            cell: (r) => (
              <Link to={`/requests/${encodeURIComponent(r.id)}`} data-testid="request-link">
                {r.title}
              </Link>
            ),
          },
          {
            key: 'borehole',
            header: t('request.borehole'),
            cell: (r) => (
              <Link to={`/boreholes/${encodeURIComponent(r.borehole.id)}`}>{r.borehole.hole_id}</Link>
            ),
          },
          { key: 'kind', header: t('request.kind'), cell: (r) => label('requestKind', r.kind) },
          { key: 'mode', header: t('request.mode'), cell: (r) => label('sharingMode', r.mode) },
          {
            key: 'state',
            header: t('request.state'),
            cell: (r) => <StateBadge state={r.state} testId="request-state" />,
          },
          box === 'inbox'
            ? { key: 'who', header: t('request.requester'), cell: (r) => r.requester.name }
            : { key: 'who', header: t('request.custodian'), cell: custodian },
          { key: 'updated', header: t('request.updated'), cell: (r) => formatDateTime(r.updated_at, lang) },
        ]}
      />
      <div className="list-footer">
        <span className="muted" data-testid="requests-count">
          {t('requests.shown', { n: list.items.length })}
        </span>
        {typeof list.more === 'object' && (
          <span className="field__error" role="alert">
            {refusalMessages(list.more.error, lang).join(' ')}
          </span>
        )}
        {list.next && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => void loadMore()}
            disabled={list.more === 'loading'}
            data-testid="requests-more"
          >
            {list.more === 'loading' ? t('common.loading') : t('common.more')}
          </button>
        )}
      </div>
    </section>
  );
}

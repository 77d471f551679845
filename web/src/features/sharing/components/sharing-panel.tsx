// The borehole page's "Sharing" card: the live offers covering the hole (its own and its
// custodian's collection offers) and, for a signed-in reader, the form to ask for core under them.
// Signed out, a sign-in link that comes back here.
import { useState } from 'react';
import { LoadError, Loading } from '../../../components/ui/page-state.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { Link } from '../../../lib/router.js';
import { useSession } from '../../account/hooks/use-session.js';
import { custodianName } from '../../custodians/components/custodian-name.js';
import { useBoreholeOffers } from '../hooks/use-borehole-offers.js';
import { managesOffers, offeredModes, type HoleCoverage } from '../utils/sharing-access.js';
import { AskForm } from './ask-form.js';
import { OfferTerms } from './offer-terms.js';
import { SignInPrompt } from './sign-in-prompt.js';
import './sharing.css';

export interface SharingHole extends HoleCoverage {
  custodian: { code: string; name_zh: string | null; name_en: string | null } | null;
  total_depth: number | null;
}

export function SharingPanel({ hole }: { hole: SharingHole }) {
  const { t } = useI18n();
  const { account } = useSession();
  return (
    <section aria-labelledby="sec-sharing" className="card sharing-panel" data-testid="sharing-panel">
      <h2 id="sec-sharing" className="sharing-panel__title">
        {t('sharing.title')}
        {managesOffers(account) && (
          <Link to="/offers" className="sharing-panel__manage">
            {t('requests.manageOffers')}
          </Link>
        )}
      </h2>
      {hole.custodian ? (
        <Offers hole={hole} custodian={hole.custodian.code} />
      ) : (
        <p className="empty">{t('sharing.noCustodian')}</p>
      )}
    </section>
  );
}

function Offers({ hole, custodian }: { hole: SharingHole; custodian: string }) {
  const { t, lang } = useI18n();
  const offers = useBoreholeOffers(hole, custodian);
  const nameOf = (code: string) =>
    hole.custodian?.code === code ? custodianName(hole.custodian, lang) : code;
  if (offers.status === 'loading') return <Loading />;
  if (offers.status === 'error') return <LoadError error={offers.error} retry={offers.retry} />;
  const modes = offeredModes(offers.data);
  return (
    <>
      {offers.data.length === 0 ? (
        <p className="empty" data-testid="sharing-none">
          {t('sharing.noOffers')}
        </p>
      ) : (
        <ul className="offer-list" data-testid="sharing-offers">
          {offers.data.map((offer) => (
            <li key={offer.id} className="offer-list__item" data-testid="sharing-offer">
              <OfferTerms offer={offer} nameOf={nameOf} />
            </li>
          ))}
        </ul>
      )}
      {modes.length > 0 && <Ask hole={hole} modes={modes} />}
    </>
  );
}

function Ask({ hole, modes }: { hole: SharingHole; modes: ReturnType<typeof offeredModes> }) {
  const { t } = useI18n();
  const { account, loading } = useSession();
  const [open, setOpen] = useState(false);
  if (loading) return null;
  if (!account)
    return (
      <SignInPrompt
        text={t('sharing.signInToAsk')}
        next={`/boreholes/${encodeURIComponent(hole.id)}`}
        testId="sharing-sign-in"
      />
    );
  return (
    <div className="sharing-panel__ask">
      <h3 id="ask-heading">{t('ask.heading')}</h3>
      {open ? (
        <AskForm borehole={hole.id} totalDepth={hole.total_depth} offered={modes} account={account} />
      ) : (
        <>
          <p className="muted">{t('ask.lead')}</p>
          <button type="button" onClick={() => setOpen(true)} aria-expanded={false} data-testid="ask-open">
            {t('ask.open')}
          </button>
        </>
      )}
    </div>
  );
}

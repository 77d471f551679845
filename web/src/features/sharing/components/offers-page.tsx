// /offers — what a curator's custodian (or an owner's core) is open for: the offers listed with
// their terms, a new collection or borehole offer, new terms for one, or its withdrawal (kept on
// record, so requests made under it keep their terms).
import { useState, type FormEvent } from 'react';
import { LoadError, Loading } from '../../../components/ui/page-state.js';
import { TextField } from '../../../components/ui/text-field.js';
import { formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useSession } from '../../account/hooks/use-session.js';
import { useCustodianNames } from '../../search/hooks/use-custodian-names.js';
import type { Offer, OfferFilter } from '../api/get-offers.js';
import { withdrawOffer } from '../api/save-offer.js';
import { useOffers } from '../hooks/use-offers.js';
import { refusalMessages } from '../utils/refusals.js';
import { curatedCustodians, managesOffers } from '../utils/sharing-access.js';
import { PolicyCard } from './policy-card.js';
import { OfferForm } from './offer-form.js';
import { OfferTerms, type CustodianNamer } from './offer-terms.js';
import { SignInPrompt } from './sign-in-prompt.js';
import './sharing.css';

export function OffersPage() {
  const { t, lang } = useI18n();
  const session = useSession();
  useDocumentTitle(t('offers.title'), lang);
  const [creating, setCreating] = useState(false);
  const [saved, setSaved] = useState<Offer | null>(null);
  // Bumped after every change, so each list reads its offers again.
  const [version, setVersion] = useState(0);
  const [borehole, setBorehole] = useState('');
  const [lookedUp, setLookedUp] = useState('');
  const [withdrawn, setWithdrawn] = useState(false);
  const nameOf = useCustodianNames();

  if (session.loading) return <Loading />;
  const account = session.account;
  const header = (
    <header className="page-header">
      <h1>{t('offers.title')}</h1>
      <p className="lead">{t('offers.lead')}</p>
    </header>
  );
  if (!account)
    return (
      <div className="offers-page">
        {header}
        <div className="card">
          <SignInPrompt text={t('offers.signIn')} next="/offers" testId="offers-sign-in" />
        </div>
      </div>
    );
  if (!managesOffers(account))
    return (
      <div className="offers-page">
        {header}
        <p className="card empty">{t('offers.notAllowed')}</p>
      </div>
    );
  const custodians = curatedCustodians(account);
  const changed = (offer: Offer) => {
    setSaved(offer);
    setVersion((v) => v + 1);
  };
  const lookUp = (event: FormEvent) => {
    event.preventDefault();
    setLookedUp(borehole.trim());
  };

  return (
    <div className="offers-page" data-testid="offers-page">
      {header}
      <p role="status" className={saved ? 'form-note' : 'visually-hidden'} data-testid="offer-saved">
        {saved ? t(saved.withdrawn_at ? 'offers.withdrawnNote' : 'offers.savedNote', { id: saved.id }) : ''}
      </p>
      <section className="card" aria-labelledby="offers-new">
        <h2 id="offers-new">{t('offers.new')}</h2>
        {creating ? (
          <OfferForm
            custodians={custodians}
            nameOf={nameOf}
            onSaved={(offer) => {
              setCreating(false);
              changed(offer);
            }}
            onCancel={() => setCreating(false)}
          />
        ) : (
          <button type="button" onClick={() => setCreating(true)} data-testid="offer-create">
            {t('offers.create')}
          </button>
        )}
      </section>
      <label className="offers-page__withdrawn">
        <input type="checkbox" checked={withdrawn} onChange={(e) => setWithdrawn(e.target.checked)} />{' '}
        {t('offers.showWithdrawn')}
      </label>
      {custodians.map((code) => (
        <section key={code} className="card" aria-labelledby={`offers-of-${code}`}>
          <h2 id={`offers-of-${code}`}>{t('offers.ofCustodian', { custodian: nameOf(code) })}</h2>
          <OfferList
            filter={{ custodian: code, include_withdrawn: withdrawn }}
            version={version}
            custodians={custodians}
            nameOf={nameOf}
            onChanged={changed}
          />
          <PolicyCard code={code} />
        </section>
      ))}
      <section className="card" aria-labelledby="offers-by-hole">
        <h2 id="offers-by-hole">{t('offers.byBorehole')}</h2>
        <form className="inline-form" onSubmit={lookUp}>
          <TextField
            id="offers-borehole"
            label={t('offers.boreholeId')}
            hint={t('offers.byBoreholeHint')}
            value={borehole}
            onValue={setBorehole}
            spellCheck={false}
          />
          <button type="submit">{t('offers.lookUp')}</button>
        </form>
        {lookedUp && (
          <OfferList
            filter={{ borehole: lookedUp, include_withdrawn: withdrawn }}
            version={version}
            custodians={custodians}
            nameOf={nameOf}
            onChanged={changed}
          />
        )}
      </section>
    </div>
  );
}

function OfferList({
  filter,
  version,
  custodians,
  nameOf,
  onChanged,
}: {
  filter: OfferFilter;
  version: number;
  custodians: string[];
  nameOf: CustodianNamer;
  onChanged(offer: Offer): void;
}) {
  const { t } = useI18n();
  const offers = useOffers(filter, version);
  if (offers.status === 'loading') return <Loading />;
  if (offers.status === 'error') return <LoadError error={offers.error} retry={offers.retry} />;
  if (offers.data.length === 0) return <p className="empty">{t('offers.empty')}</p>;
  return (
    <ul className="offer-list" data-testid="offers-list">
      {offers.data.map((offer) => (
        <OfferItem
          key={offer.id}
          offer={offer}
          custodians={custodians}
          nameOf={nameOf}
          onChanged={onChanged}
        />
      ))}
    </ul>
  );
}

function OfferItem({
  offer,
  custodians,
  nameOf,
  onChanged,
}: {
  offer: Offer;
  custodians: string[];
  nameOf: CustodianNamer;
  onChanged(offer: Offer): void;
}) {
  const { t, lang } = useI18n();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>();
  const withdraw = async () => {
    setError(undefined);
    try {
      onChanged(await withdrawOffer(offer.id));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <li className="offer-list__item" data-testid="offer-item" data-offer={offer.id}>
      <p className="offer-list__head">
        <code>{offer.id}</code>
        <span className="muted">
          {' '}
          · {t('offers.updated', { at: formatDateTime(offer.updated_at, lang) })}
        </span>
        {offer.withdrawn_at && <span className="badge"> {t('offers.withdrawn')}</span>}
      </p>
      {editing ? (
        <OfferForm
          offer={offer}
          custodians={custodians}
          onSaved={(saved) => {
            setEditing(false);
            onChanged(saved);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <OfferTerms offer={offer} nameOf={nameOf} />
      )}
      {error !== undefined && (
        <p className="form-alert" role="alert">
          {refusalMessages(error, lang).join(' ')}
        </p>
      )}
      {!offer.withdrawn_at && !editing && (
        <div className="offer-list__actions">
          <button
            type="button"
            className="button-secondary"
            onClick={() => setEditing(true)}
            data-testid="offer-edit"
          >
            {t('offers.edit')}
          </button>
          {confirming ? (
            <>
              <button
                type="button"
                onClick={() => void withdraw()}
                data-testid="offer-withdraw-confirm"
                autoFocus
              >
                {t('offers.withdrawConfirm')}
              </button>
              <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
                {t('tokens.cancel')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button-secondary"
              onClick={() => setConfirming(true)}
              data-testid="offer-withdraw"
            >
              {t('offers.withdraw')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

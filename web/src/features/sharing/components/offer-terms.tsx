// One offer's terms as a reader needs them: what it covers, in which modes, to whom, for what fee
// and on what conditions.
import { DefinitionList } from '../../../components/ui/definition-list.js';
import { formatDateTime, formatMetres, formatNumber } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { Link } from '../../../lib/router.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import type { Offer } from '../api/get-offers.js';

/** Names a custodian by its code; offers carry only the code. */
export type CustodianNamer = (code: string) => string;

export function OfferCoverage({ offer, nameOf }: { offer: Offer; nameOf?: CustodianNamer }) {
  const { t, lang } = useI18n();
  if (offer.scope === 'collection')
    return (
      <>
        {t('offers.collection', { custodian: nameOf?.(offer.custodian_code) ?? offer.custodian_code })}
        {offer.dataset && (
          <span className="muted"> · {t('offers.datasetOnly', { dataset: offer.dataset })}</span>
        )}
      </>
    );
  const hole = offer.borehole_id ? (
    <Link to={`/boreholes/${encodeURIComponent(offer.borehole_id)}`}>
      {offer.hole_id ?? offer.borehole_id}
    </Link>
  ) : (
    (offer.hole_id ?? '')
  );
  return (
    <>
      {t('offers.borehole')} {hole}
      {offer.depth_from != null && offer.depth_to != null && (
        <span className="muted">
          {' '}
          · {formatMetres(offer.depth_from, lang)} – {formatMetres(offer.depth_to, lang)}
        </span>
      )}
    </>
  );
}

export function ModeList({ modes }: { modes: readonly string[] }) {
  const { lang } = useI18n();
  return (
    <ul className="mode-list">
      {modes.map((m) => (
        <li key={m} className="mode-chip" data-mode={m}>
          {vocabularyLabel('sharingMode', m, lang)}
        </li>
      ))}
    </ul>
  );
}

export function feeText(offer: Offer, lang: 'zh' | 'en'): string {
  const kind = vocabularyLabel('feeKind', offer.fee_kind, lang);
  if (offer.fee_kind === 'none' || offer.fee_amount == null) return kind;
  return `${kind} · ¥${formatNumber(offer.fee_amount, lang, 2)}`;
}

export function OfferTerms({ offer, nameOf }: { offer: Offer; nameOf?: CustodianNamer }) {
  const { t, lang } = useI18n();
  const conditions =
    lang === 'zh' ? offer.conditions_zh || offer.conditions_en : offer.conditions_en || offer.conditions_zh;
  const audience = vocabularyLabel('offerAudience', offer.audience, lang);
  return (
    <DefinitionList
      className="offer-terms"
      items={[
        { label: t('offers.covers'), value: <OfferCoverage offer={offer} nameOf={nameOf} /> },
        { label: t('offers.modes'), value: <ModeList modes={offer.modes} /> },
        {
          label: t('offers.audience'),
          value:
            offer.audience === 'organisations' && offer.organisations.length
              ? t('offers.audienceNamed', {
                  audience,
                  list: offer.organisations.join(lang === 'zh' ? '、' : ', '),
                })
              : audience,
        },
        { label: t('offers.fee'), value: feeText(offer, lang) },
        { label: t('offers.conditions'), value: conditions },
        { label: t('offers.withdrawnAt'), value: formatDateTime(offer.withdrawn_at, lang) },
      ]}
    />
  );
}

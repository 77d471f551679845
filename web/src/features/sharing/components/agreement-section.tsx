// The agreement drawn up for a request, in the reader's language: who has signed this very text,
// its SHA-256 fingerprint, a warning if the stored text no longer matches it, and a PDF to keep.
// Nothing at all while there is none (or the server has no agreements to give).
import { formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import { agreementPdfUrl } from '../api/get-agreement.js';
import { useAgreement } from '../hooks/use-agreement.js';

export function AgreementSection({ requestId, version }: { requestId: string; version: number }) {
  const { t, lang } = useI18n();
  const query = useAgreement(requestId, version);
  // A failure to read it hides the card: the request itself is what this page is for.
  if (query.status !== 'success' || query.data === null) return null;
  const a = query.data;
  const inEnglish = lang === 'en' && !!a.body_en;
  const body = (inEnglish ? a.body_en : a.body_zh || a.body_en) ?? '';
  const signatureOf = (party: string) => a.signatures.find((s) => s.party === party);
  return (
    <section className="card agreement" aria-labelledby="sec-agreement" data-testid="agreement">
      <h2 id="sec-agreement">{t('agreement.title')}</h2>
      {!a.intact && (
        <p className="form-alert" role="alert" data-testid="agreement-altered">
          {t('agreement.altered')}
        </p>
      )}
      <p className="agreement__meta">
        <a href={agreementPdfUrl(a.id)} download data-testid="agreement-pdf">
          {t('agreement.pdf')}
        </a>
        <span className="muted">
          {' '}
          · <code>{a.id}</code> · {t('agreement.created', { at: formatDateTime(a.created_at, lang) })}
        </span>
      </p>
      <p className="agreement__hash">
        <span className="muted">{t('agreement.sha256')}</span> <code>{a.sha256}</code>
      </p>
      <ul className="agreement__signatures" data-testid="agreement-signatures">
        {(a.signatories.length ? a.signatories : a.signatures.map((s) => s.party)).map((party) => {
          const s = signatureOf(party);
          return (
            <li key={party} data-party={party} data-signed={!!s && s.valid}>
              {vocabularyLabel('requestParty', party, lang)}
              {' · '}
              {s ? (
                <>
                  <span className={s.valid ? 'signature--done' : 'field__error'}>
                    {t(s.valid ? 'agreement.signedBy' : 'agreement.signatureInvalid', { signer: s.signer })}
                  </span>
                  <span className="muted"> · {formatDateTime(s.signed_at, lang)}</span>
                </>
              ) : (
                <span className="muted">{t('request.unsigned')}</span>
              )}
            </li>
          );
        })}
      </ul>
      {body && (
        <div
          className="agreement__body"
          tabIndex={0}
          role="region"
          aria-label={t('agreement.text')}
          lang={inEnglish ? 'en' : 'zh-CN'}
          data-testid="agreement-text"
        >
          {body}
        </div>
      )}
    </section>
  );
}

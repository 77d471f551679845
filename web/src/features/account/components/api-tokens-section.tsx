// The account page's API tokens: create one (name, optional lifetime) and see its secret this once,
// with a copy button; the list with each token's state; revoke with a confirming second click.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { CopyButton } from '../../../components/ui/copy-button.js';
import { DataTable } from '../../../components/ui/data-table.js';
import { LoadError, Loading } from '../../../components/ui/page-state.js';
import { TextField } from '../../../components/ui/text-field.js';
import { formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import type { ApiToken } from '../api/get-api-tokens.js';
import type { NewApiToken } from '../api/create-api-token.js';
import { useApiTokens } from '../hooks/use-api-tokens.js';
import { TOKEN_LIFETIMES, tokenStatus } from '../utils/account-labels.js';
import { fieldProblems, problemMessage } from '../utils/auth-problems.js';

export function ApiTokensSection() {
  const { t, lang } = useI18n();
  const tokens = useApiTokens();
  const [secret, setSecret] = useState<NewApiToken | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [revokeError, setRevokeError] = useState<unknown>();

  const revoke = async (id: string) => {
    setRevokeError(undefined);
    try {
      await tokens.revoke(id);
      setConfirming(null);
    } catch (error) {
      setRevokeError(error);
    }
  };

  const actions = (token: ApiToken) => {
    if (tokenStatus(token) !== 'active') return null;
    if (confirming !== token.id)
      return (
        <button
          type="button"
          className="button-secondary"
          onClick={() => setConfirming(token.id)}
          aria-label={t('tokens.revokeLabel', { name: token.name })}
          data-testid="token-revoke"
        >
          {t('tokens.revoke')}
        </button>
      );
    return (
      <span className="token-actions">
        <button
          type="button"
          onClick={() => void revoke(token.id)}
          aria-label={t('tokens.confirmLabel', { name: token.name })}
          data-testid="token-revoke-confirm"
          autoFocus
        >
          {t('tokens.confirm')}
        </button>
        <button type="button" className="button-secondary" onClick={() => setConfirming(null)}>
          {t('tokens.cancel')}
        </button>
      </span>
    );
  };

  return (
    <section className="card" aria-labelledby="api-tokens" data-testid="api-tokens-section">
      <h2 id="api-tokens">{t('tokens.title')}</h2>
      <p className="muted">{t('tokens.intro')}</p>
      <NewTokenForm onCreated={setSecret} create={tokens.create} />
      {secret && <TokenSecret token={secret} onDone={() => setSecret(null)} />}
      <h3>{t('tokens.list')}</h3>
      {revokeError !== undefined && (
        <p className="form-alert" role="alert">
          {problemMessage(revokeError, lang)}
        </p>
      )}
      {tokens.status === 'loading' && <Loading />}
      {tokens.status === 'error' && <LoadError error={tokens.error} retry={tokens.retry} />}
      {tokens.status === 'success' && (
        <DataTable<ApiToken>
          caption={t('tokens.list')}
          testId="api-tokens"
          rows={tokens.tokens}
          rowKey={(token) => token.id}
          empty={t('tokens.empty')}
          columns={[
            { key: 'name', header: t('tokens.name'), cell: (token) => token.name },
            { key: 'prefix', header: t('tokens.prefix'), cell: (token) => <code>{token.prefix}…</code> },
            {
              key: 'created',
              header: t('tokens.created'),
              cell: (token) => formatDateTime(token.created_at, lang),
            },
            {
              key: 'used',
              header: t('tokens.lastUsed'),
              cell: (token) => formatDateTime(token.last_used_at, lang) || t('tokens.neverUsed'),
            },
            {
              key: 'expires',
              header: t('tokens.expires'),
              cell: (token) => formatDateTime(token.expires_at, lang) || t('tokens.noExpiry'),
            },
            {
              key: 'status',
              header: t('tokens.status'),
              cell: (token) => {
                const status = tokenStatus(token);
                return (
                  <span className={`token-status--${status}`} data-testid="token-status">
                    {t(`tokens.${status}` as const)}
                  </span>
                );
              },
            },
            { key: 'actions', header: '', cell: actions },
          ]}
        />
      )}
    </section>
  );
}

function NewTokenForm({
  create,
  onCreated,
}: {
  create(input: { name: string; expires_in_days?: number }): Promise<NewApiToken>;
  onCreated(token: NewApiToken): void;
}) {
  const { t, lang } = useI18n();
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const [blank, setBlank] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBlank(!name.trim());
    setError(undefined);
    if (!name.trim()) return;
    setBusy(true);
    try {
      onCreated(await create({ name: name.trim(), ...(days && { expires_in_days: Number(days) }) }));
      setName('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const nameError = blank ? t('auth.required') : fieldProblems(error, lang).name;
  return (
    <form className="token-form" onSubmit={(event) => void submit(event)} noValidate data-testid="token-form">
      <TextField
        id="token-name"
        label={t('tokens.name')}
        maxLength={100}
        value={name}
        onValue={setName}
        hint={t('tokens.nameHint')}
        error={nameError}
        required
      />
      <div className="field">
        <label htmlFor="token-expiry">{t('tokens.expiry')}</label>
        <select id="token-expiry" value={days} onChange={(event) => setDays(event.target.value)}>
          {TOKEN_LIFETIMES.map((n) => (
            <option key={n ?? 'never'} value={n ?? ''}>
              {n === undefined ? t('tokens.noExpiry') : t('tokens.days', { n })}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={busy} data-testid="token-create">
        {busy ? t('tokens.creating') : t('tokens.create')}
      </button>
      {error !== undefined && !nameError && (
        <p className="form-alert" role="alert">
          {problemMessage(error, lang)}
        </p>
      )}
    </form>
  );
}

/** The secret, shown this once; focus moves here so a screen reader hears it has appeared. */
function TokenSecret({ token, onDone }: { token: NewApiToken; onDone(): void }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [token.id]);
  return (
    <div className="token-secret" role="region" aria-labelledby="token-secret" data-testid="token-secret">
      <h3 id="token-secret" ref={heading} tabIndex={-1}>
        {t('tokens.secretTitle', { name: token.name })}
      </h3>
      <p>{t('tokens.secretOnce')}</p>
      <p className="token-secret__value">
        <code data-testid="token-secret-value">{token.token}</code>
        <CopyButton value={token.token} />
      </p>
      <button type="button" className="button-secondary" onClick={onDone}>
        {t('tokens.secretDone')}
      </button>
    </div>
  );
}

// "Send the verification mail again": a button for an address already typed, or a small form.
// The server answers the same whether or not the address has an account, and so does this.
import { useState, type FormEvent } from 'react';
import { TextField } from '../../../components/ui/text-field.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { resendVerification } from '../api/resend-verification.js';
import { problemMessage } from '../utils/auth-problems.js';

type State = { status: 'idle' | 'blank' | 'busy' | 'sent' } | { status: 'error'; error: unknown };

export function ResendVerification({ email, label }: { email?: string; label?: string }) {
  const { t, lang } = useI18n();
  const [typed, setTyped] = useState('');
  const [state, setState] = useState<State>({ status: 'idle' });
  const address = (email ?? typed).trim();

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!address) {
      setState({ status: 'blank' });
      return;
    }
    setState({ status: 'busy' });
    try {
      await resendVerification(address);
      setState({ status: 'sent' });
    } catch (error) {
      setState({ status: 'error', error });
    }
  };

  if (state.status === 'sent')
    return (
      <p className="form-note" role="status" data-testid="resend-sent">
        {t('resend.sent')}
      </p>
    );
  const busy = state.status === 'busy';
  return (
    <form
      className="resend"
      onSubmit={(event) => void send(event)}
      noValidate
      data-testid="resend-verification"
    >
      {email === undefined && (
        <TextField
          id="resend-email"
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          value={typed}
          onValue={setTyped}
          error={state.status === 'blank' ? t('auth.required') : undefined}
          required
        />
      )}
      <button type="submit" className="button-secondary" disabled={busy}>
        {busy ? t('resend.busy') : (label ?? t('resend.submit'))}
      </button>
      {state.status === 'error' && (
        <p className="field__error" role="alert">
          {problemMessage(state.error, lang)}
        </p>
      )}
    </form>
  );
}

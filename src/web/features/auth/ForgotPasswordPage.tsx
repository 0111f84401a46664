import { Alert, Button, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { okResponse } from '../../../shared/api/common';
import { api, type ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(undefined);
    try {
      await api('/auth/password-reset/request', okResponse, { method: 'POST', body: { email: email.trim() }, quietAuth: true });
      setSent(true);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('auth.forgot.title')} width="narrow" lead={<Paragraph>{t('auth.forgot.lead')}</Paragraph>}>
      <div role="status" aria-live="polite">
        {sent ? (
          <Alert data-color="success">
            <Paragraph>{t('auth.forgot.sent')}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {!sent ? (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          {error ? <ErrorAlert error={error} /> : null}
          <Textfield
            label={t('auth.fields.email')}
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={missing ? t('validation.required') : undefined}
            required
          />
          <div className="button-row">
            <Button type="submit" loading={busy} disabled={busy}>
              {t('auth.forgot.submit')}
            </Button>
          </div>
        </form>
      ) : null}
      <Paragraph>
        <Link asChild>
          <RouterLink to="/login">{t('auth.backToLogin')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}

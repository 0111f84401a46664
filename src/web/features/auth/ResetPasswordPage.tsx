import { Alert, Button, Link, Paragraph } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { okResponse } from '../../../shared/api/common';
import { api, type ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { NewPasswordFields, type NewPasswordValue, validateNewPassword } from './NewPasswordFields';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [value, setValue] = useState<NewPasswordValue>({ password: '', confirm: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof NewPasswordValue, string>>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validateNewPassword(value, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(undefined);
    try {
      await api('/auth/password-reset/confirm', okResponse, {
        method: 'POST',
        body: { token, newPassword: value.password },
        quietAuth: true,
      });
      setDone(true);
    } catch (err) {
      const apiError = asApiError(err);
      if (apiError.code === 'WEAK_PASSWORD') setErrors({ password: t('errors.WEAK_PASSWORD') });
      else setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  const invalidLink = !token || token.length < 10;

  return (
    <Page title={t('auth.reset.title')} width="narrow">
      <div role="status" aria-live="polite">
        {done ? (
          <Alert data-color="success">
            <Paragraph>{t('auth.reset.done')}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {invalidLink && !done ? (
        <Alert data-color="warning">
          <Paragraph>{t('auth.reset.missingToken')}</Paragraph>
        </Alert>
      ) : null}
      {!invalidLink && !done ? (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          {error ? <ErrorAlert error={error} /> : null}
          {error?.code === 'TOKEN_INVALID' ? (
            <Paragraph>
              <Link asChild>
                <RouterLink to="/forgot-password">{t('auth.reset.requestNew')}</RouterLink>
              </Link>
            </Paragraph>
          ) : null}
          <NewPasswordFields value={value} errors={errors} onChange={setValue} />
          <div className="button-row">
            <Button type="submit" loading={busy} disabled={busy}>
              {t('auth.reset.submit')}
            </Button>
          </div>
        </form>
      ) : null}
      <Paragraph>
        <Link asChild>
          <RouterLink to={invalidLink && !done ? '/forgot-password' : '/login'}>
            {invalidLink && !done ? t('auth.reset.requestNew') : t('auth.backToLogin')}
          </RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}

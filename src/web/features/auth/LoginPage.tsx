import { Button, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import type { ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';

/** Only same-site paths are followed after sign-in. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const nextMissing = { email: !email.trim(), password: !password };
    setMissing(nextMissing);
    if (nextMissing.email || nextMissing.password) return;
    setBusy(true);
    setError(undefined);
    try {
      await login(email.trim(), password);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  };

  return (
    <Page title={t('auth.login.title')} width="narrow" lead={<Paragraph>{t('auth.login.lead')}</Paragraph>}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {error ? <ErrorAlert error={error} /> : null}
        <Textfield
          label={t('auth.fields.email')}
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={missing.email ? t('validation.required') : undefined}
          required
        />
        <Textfield
          label={t('auth.fields.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={missing.password ? t('validation.required') : undefined}
          required
        />
        <div className="button-row">
          <Button type="submit" loading={busy} disabled={busy}>
            {t('auth.login.submit')}
          </Button>
        </div>
        <Paragraph>
          <Link asChild>
            <RouterLink to="/forgot-password">{t('auth.login.forgot')}</RouterLink>
          </Link>
        </Paragraph>
      </form>
    </Page>
  );
}

import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { badgeVerification, type BadgeVerification } from '../../../../shared/api/certificates';
import { api, type ApiError } from '../../../api/client';
import { asApiError } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDay } from './certificatesApi';

/** Paste an Open Badge (VC-JWT) and have its signature and status checked by the issuer's keys. */
export function BadgeCheck() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const headingId = useId();
  const [jwt, setJwt] = useState('');
  const [empty, setEmpty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BadgeVerification | null>(null);
  const [error, setError] = useState<ApiError | undefined>();

  const check = async () => {
    if (!jwt.trim()) {
      setEmpty(true);
      return;
    }
    setBusy(true);
    setError(undefined);
    setResult(null);
    try {
      setResult(await api('/verify/badge', badgeVerification, { method: 'POST', body: { jwt: jwt.trim() } }));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const facts = result && result.status !== 'invalid' ? { achievement: result.achievementName ?? '', issuer: result.issuer?.name ?? '', date: result.validFrom ? formatDay(result.validFrom, lang) : '' } : null;
  return (
    <section className="section" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('certificates.verify.badgeHeading')}
      </Heading>
      <Paragraph>{t('certificates.verify.badgeLead')}</Paragraph>
      <form
        noValidate
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <Textfield
          multiline
          rows={5}
          className="verify-badge-input"
          label={t('certificates.verify.badgeLabel')}
          value={jwt}
          spellCheck={false}
          error={empty ? t('certificates.verify.badgeEmpty') : undefined}
          onChange={(e) => {
            setJwt(e.target.value);
            setEmpty(false);
          }}
        />
        <div className="button-row">
          <Button type="submit" variant="secondary" loading={busy} disabled={busy}>
            {t('certificates.verify.badgeCheck')}
          </Button>
        </div>
      </form>
      {error ? <ErrorAlert error={error} /> : null}
      <div role="status" aria-live="polite">
        {result ? (
          <Alert data-color={result.status === 'valid' ? 'success' : 'danger'} data-testid="badge-result">
            <Heading level={3} data-size="xs">
              {t(result.status === 'valid' ? 'certificates.verify.badgeValidTitle' : result.status === 'revoked' ? 'certificates.verify.badgeRevokedTitle' : 'certificates.verify.badgeInvalidTitle')}
            </Heading>
            <Paragraph>
              {result.status === 'invalid'
                ? t(`certificates.verify.reasons.${result.reason ?? 'MALFORMED'}`)
                : t(result.status === 'valid' ? 'certificates.verify.badgeValidText' : 'certificates.verify.badgeRevokedText', facts!)}
            </Paragraph>
          </Alert>
        ) : null}
      </div>
    </section>
  );
}

import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { codeVerification } from '../../../../shared/api/certificates';
import { useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { formatDay, verifyCodePath } from './certificatesApi';

/** What the code's certificate says and whether it stands: valid, revoked or unknown. */
export function CodeResult({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const { data, error, loading } = useApi(verifyCodePath(code), codeVerification);
  if (loading) return <Loading />;
  if (error?.code === 'NOT_FOUND') {
    return (
      <Alert data-color="warning" className="section" data-testid="verify-result">
        <Heading level={2} data-size="xs">
          {t('certificates.verify.notFoundTitle')}
        </Heading>
        <Paragraph>{t('certificates.verify.notFoundText', { code })}</Paragraph>
      </Alert>
    );
  }
  if (error || !data) return error ? <ErrorAlert error={error} /> : null;
  const valid = data.status === 'valid';
  return (
    <Alert data-color={valid ? 'success' : 'danger'} className="section" data-testid="verify-result">
      <Heading level={2} data-size="xs">
        {valid ? t('certificates.verify.validTitle') : t('certificates.verify.revokedTitle')}
      </Heading>
      {valid ? null : <Paragraph>{t('certificates.verify.revokedText')}</Paragraph>}
      <dl className="facts">
        <div>
          <dt>{t('certificates.verify.holder')}</dt>
          <dd>{data.holderName}</dd>
        </div>
        <div>
          <dt>{t('certificates.verify.item')}</dt>
          <dd lang={data.language}>{data.itemTitle}</dd>
        </div>
        <div>
          <dt>{t('certificates.verify.completedOn')}</dt>
          <dd>{formatDay(data.completedAt, lang)}</dd>
        </div>
        <div>
          <dt>{t('certificates.verify.issuer')}</dt>
          <dd>{data.issuer.name}</dd>
        </div>
        <div>
          <dt>{t('certificates.code')}</dt>
          <dd className="verify-code">{data.code}</dd>
        </div>
      </dl>
    </Alert>
  );
}

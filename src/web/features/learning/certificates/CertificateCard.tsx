import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { Certificate } from '../../../../shared/api/certificates';
import { CopyButton } from '../../../components/CopyButton';
import { badgeHref, formatDay, pdfHref } from './certificatesApi';

/** One certificate: what it says, and the ways to hand it on (PDF, badge, verification link). */
export function CertificateCard({ certificate: c }: { certificate: Certificate }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const headingId = `certificate-${c.id}`;
  const revoked = c.revokedAt !== null;
  return (
    <article className="certificate-card" aria-labelledby={headingId}>
      <div className="certificate-card__head">
        <Heading level={2} data-size="xs" id={headingId}>
          {c.itemTitle}
        </Heading>
        {revoked ? <Tag data-color="danger">{t('certificates.revoked')}</Tag> : null}
      </div>
      <dl className="facts facts--grid">
        <div>
          <dt>{t('certificates.completedOn')}</dt>
          <dd>{formatDay(c.completedAt, lang)}</dd>
        </div>
        {c.outcome === 'passed' && c.scoreScaled !== null ? (
          <div>
            <dt>{t('certificates.score')}</dt>
            <dd>{new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(c.scoreScaled)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('certificates.issuedBy')}</dt>
          <dd>{c.issuerName}</dd>
        </div>
        <div>
          <dt>{t('certificates.code')}</dt>
          <dd className="verify-code">{c.verificationCode}</dd>
        </div>
      </dl>
      {revoked ? (
        <Paragraph data-size="sm">{t('certificates.revokedNote')}</Paragraph>
      ) : (
        <div className="certificate-card__actions">
          <Button asChild data-size="sm">
            <a href={pdfHref(c.municipalityId, c.id)} download>
              {t('certificates.downloadPdf')}
              <span className="visually-hidden">: {c.itemTitle}</span>
            </a>
          </Button>
          <Button asChild variant="secondary" data-size="sm">
            <a href={badgeHref(c.municipalityId, c.id)} download>
              {t('certificates.downloadBadge')}
              <span className="visually-hidden">: {c.itemTitle}</span>
            </a>
          </Button>
          <CopyButton value={c.verifyUrl} label={t('certificates.copyLabel', { title: c.itemTitle })} />
          <Button asChild variant="tertiary" data-size="sm">
            <RouterLink to={`/verify/${c.verificationCode}`}>
              {t('certificates.openVerify')}
              <span className="visually-hidden">: {c.itemTitle}</span>
            </RouterLink>
          </Button>
        </div>
      )}
    </article>
  );
}

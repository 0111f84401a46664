import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useCurrentMunicipality } from '../../app/guards';
import { Page } from '../../components/Page';
import { AuditLog } from './AuditLog';

export function AuditPage() {
  const { t } = useTranslation();
  const municipality = useCurrentMunicipality();
  return (
    <Page title={t('audit.title')} lead={<Paragraph>{t('audit.lead', { municipality: municipality.name })}</Paragraph>}>
      <AuditLog key={municipality.id} path={`/municipalities/${municipality.id}/audit-events`} />
    </Page>
  );
}

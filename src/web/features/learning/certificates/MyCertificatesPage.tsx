import { Paragraph } from '@digdir/designsystemet-react';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { certificateSchema } from '../../../../shared/api/certificates';
import { useApi } from '../../../api/useApi';
import { useMunicipality } from '../../../app/municipality';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { EmptyState, NoMunicipalityPage } from '../../../components/States';
import { CertificateCard } from './CertificateCard';
import { certificatesPath } from './certificatesApi';
import './certificates.css';

const certificateList = z.array(certificateSchema);

/** The signed-in learner's certificates in the chosen municipality. */
export function MyCertificatesPage() {
  const { t } = useTranslation();
  const { current } = useMunicipality();
  const { data, error, loading } = useApi(current ? certificatesPath(current.id) : null, certificateList);
  if (!current) return <NoMunicipalityPage title={t('certificates.title')} />;
  return (
    <Page title={t('certificates.title')} lead={<Paragraph>{t('certificates.lead')}</Paragraph>}>
      {error ? <ErrorAlert error={error} title={t('states.loadFailed')} /> : null}
      {loading && !data ? <Loading /> : null}
      {data && data.length === 0 ? <EmptyState>{t('certificates.empty')}</EmptyState> : null}
      {data && data.length > 0 ? (
        <ul className="certificate-list" aria-label={t('certificates.listLabel')}>
          {data.map((c) => (
            <li key={c.id}>
              <CertificateCard certificate={c} />
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}

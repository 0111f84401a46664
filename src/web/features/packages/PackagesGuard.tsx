import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { useMunicipality } from '../../app/municipality';
import { ForbiddenPage, NoMunicipalityPage } from '../../components/States';
import { packagesAccess, type PackagesAccess } from './packagesAccess';

/** A packages page: needs a chosen municipality and the given access. */
export function PackagesGuard({ need, children }: { need: keyof PackagesAccess; children: ReactNode }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { current } = useMunicipality();
  if (!current) return <NoMunicipalityPage title={t('packages.title')} />;
  if (!packagesAccess(me, current)[need]) return <ForbiddenPage />;
  return <>{children}</>;
}

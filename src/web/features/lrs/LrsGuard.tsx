import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { useMunicipality } from '../../app/municipality';
import { ForbiddenPage, NoMunicipalityPage } from '../../components/States';
import { lrsAccess, type LrsAccess } from './lrsAccess';

/** A learning record store page: needs a chosen municipality and the given access. */
export function LrsGuard({ need, children }: { need: keyof LrsAccess; children: ReactNode }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { current } = useMunicipality();
  if (!current) return <NoMunicipalityPage title={t(need === 'manageCredentials' ? 'lrs.credentials.title' : 'lrs.statements.title')} />;
  if (!lrsAccess(me, current)[need]) return <ForbiddenPage />;
  return <>{children}</>;
}

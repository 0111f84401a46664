import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from '../components/Loading';
import { ForbiddenPage, NoMunicipalityPage } from '../components/States';
import { useAuth } from './auth';
import { type MeMunicipality, useMunicipality } from './municipality';
import type { Permissions } from './permissions';

/** Routes behind sign-in; others are sent to /login and brought back afterwards. */
export function RequireAuth() {
  const { me } = useAuth();
  const { current } = useMunicipality();
  const location = useLocation();
  if (me === undefined) return <Loading />;
  if (me === null) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  // Switching municipality starts every page afresh.
  return <Outlet key={current?.id ?? 'none'} />;
}

/** Routes for signed-out users only (the sign-in page). */
export function PublicOnly({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  if (me === undefined) return <Loading />;
  if (me) return <Navigate to="/" replace />;
  return <>{children}</>;
}

/** A municipality page: needs a chosen municipality and the given permission. */
export function RequirePermission({ permission, title, children }: { permission: keyof Permissions; title: string; children: ReactNode }) {
  const { current, can } = useMunicipality();
  const municipal = permission !== 'adminNetwork' && permission !== 'createNetwork' && permission !== 'viewAnalysis';
  if (municipal && !current) return <NoMunicipalityPage title={title} />;
  if (!can[permission]) return <ForbiddenPage />;
  return <>{children}</>;
}

/** The chosen municipality; only inside RequirePermission for a municipal permission. */
export function useCurrentMunicipality(): MeMunicipality {
  const { current } = useMunicipality();
  const { t } = useTranslation();
  if (!current) throw new Error(t('states.noMunicipality'));
  return current;
}

import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { ApiError } from '../api/client';
import { ErrorAlert } from './ErrorAlert';
import { Page } from './Page';

/** A whole page saying the thing asked for does not exist. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('states.notFoundTitle')} width="narrow">
      <Paragraph>{t('states.notFoundText')}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/">{t('states.backHome')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}

/** A whole page saying the user may not open this. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('states.forbiddenTitle')} width="narrow">
      <Paragraph>{t('states.forbiddenText')}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/">{t('states.backHome')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}

/** Shown on municipality pages when the user has no municipality to open. */
export function NoMunicipalityPage({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Page title={title} width="narrow">
      <Alert data-color="info">
        <Paragraph>{t('states.noMunicipality')}</Paragraph>
      </Alert>
    </Page>
  );
}

/** Failed page load: not found and forbidden get their own page, the rest an alert. */
export function LoadErrorPage({ error, title }: { error: ApiError; title: string }) {
  const { t } = useTranslation();
  if (error.code === 'NOT_FOUND') return <NotFoundPage />;
  if (error.code === 'FORBIDDEN') return <ForbiddenPage />;
  return (
    <Page title={title}>
      <ErrorAlert error={error} title={t('states.loadFailed')} />
    </Page>
  );
}

export function EmptyState({ children }: { children: string }) {
  return <Paragraph className="empty-state">{children}</Paragraph>;
}

import { Alert, Link, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { contentLinkSchema } from '../../../shared/api/packages';
import { api, type ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { useCurrentMunicipality } from '../../app/guards';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { LoadErrorPage } from '../../components/States';

type State = { step: 'loading' } | { step: 'nothing' } | { step: 'failed'; error: ApiError };

/**
 * Opened in a new tab from the list: asks for a fresh signed content link and
 * replaces itself with the content (on the content origin), so the link on the
 * list never holds an address that expires.
 */
export function PackagePreviewPage() {
  const { t } = useTranslation();
  const municipality = useCurrentMunicipality();
  const { packageId = '', versionId = '' } = useParams();
  const [state, setState] = useState<State>({ step: 'loading' });
  const title = t('packages.preview.title');

  useEffect(() => {
    const controller = new AbortController();
    api(`/municipalities/${municipality.id}/packages/${packageId}/versions/${versionId}/content-link`, contentLinkSchema, { signal: controller.signal })
      .then((link) => {
        if (link.launchUrl) window.location.replace(link.launchUrl);
        else setState({ step: 'nothing' });
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setState({ step: 'failed', error: asApiError(err) });
      });
    return () => controller.abort();
  }, [municipality.id, packageId, versionId]);

  if (state.step === 'failed' && (state.error.code === 'NOT_FOUND' || state.error.code === 'FORBIDDEN')) return <LoadErrorPage error={state.error} title={title} />;
  const notConfigured = state.step === 'failed' && (state.error.details as { reason?: unknown } | undefined)?.reason === 'CONTENT_URL_MISSING';

  return (
    <Page title={title} width="narrow">
      {state.step === 'loading' ? <Loading label={t('packages.preview.opening')} /> : null}
      {state.step === 'nothing' ? (
        <Alert data-color="info">
          <Paragraph>{t('packages.preview.nothing')}</Paragraph>
        </Alert>
      ) : null}
      {state.step === 'failed' ? <ErrorAlert error={state.error} message={notConfigured ? t('packages.preview.notConfigured') : undefined} /> : null}
      <Paragraph>
        <Link asChild>
          <RouterLink to="/packages">{t('packages.preview.back')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}

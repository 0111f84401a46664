import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Package, packageListSchema, type PackageVersion } from '../../../shared/api/packages';
import { anyResponse, api, type ApiError } from '../../api/client';
import { asApiError, useApi } from '../../api/useApi';
import { useAuth } from '../../app/auth';
import { useCurrentMunicipality } from '../../app/guards';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { EmptyState, LoadErrorPage } from '../../components/States';
import { SuccessMessage } from '../../components/StatusMessage';
import { PackageCard } from './PackageCard';
import { packagesAccess } from './packagesAccess';
import { PackageUpload } from './PackageUpload';
import './packages.css';

type Deleting = { pkg: Package; version: PackageVersion };

/** The municipality's SCORM and cmi5 packages: upload (managers), list with versions and activity ids, preview, delete. */
export function PackagesPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const municipality = useCurrentMunicipality();
  const access = packagesAccess(me, municipality);
  const path = `/municipalities/${municipality.id}/packages`;
  const list = useApi(path, packageListSchema);
  const reload = list.reload;
  const onStored = useCallback(() => reload(), [reload]);
  const listHeadingRef = useRef<HTMLHeadingElement>(null);
  const [deleting, setDeleting] = useState<Deleting | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ApiError | undefined>();
  const [status, setStatus] = useState<string | null>(null);
  const title = t('packages.title');
  // After a delete the button that opened the dialog goes with its version: continue from the list's heading.
  const refocusList = useRef(false);
  useEffect(() => {
    if (!refocusList.current || deleting) return;
    refocusList.current = false;
    listHeadingRef.current?.focus();
  }, [deleting, list.data]);

  if (list.error) return <LoadErrorPage error={list.error} title={title} />;

  const remove = async () => {
    if (!deleting) return;
    const { pkg, version } = deleting;
    setBusy(true);
    setActionError(undefined);
    setStatus(null);
    try {
      await api(`${path}/${pkg.id}/versions/${version.id}`, anyResponse, { method: 'DELETE' });
      setStatus(t('packages.delete.done', { version: version.version, title: pkg.title }));
      refocusList.current = true;
      list.reload();
    } catch (err) {
      setActionError(asApiError(err));
    } finally {
      setBusy(false);
      setDeleting(null);
    }
  };

  return (
    <Page
      title={title}
      lead={<Paragraph>{access.manage ? t('packages.lead', { municipality: municipality.name }) : t('packages.leadReadOnly', { municipality: municipality.name })}</Paragraph>}
    >
      <div className="packages-page">
        {access.manage ? (
          <section aria-labelledby="package-upload-heading" className="section">
            <Heading level={2} data-size="sm" id="package-upload-heading">
              {t('packages.upload.heading')}
            </Heading>
            <PackageUpload municipalityId={municipality.id} packages={list.data?.items} onStored={onStored} />
          </section>
        ) : null}

        <section aria-labelledby="package-list-heading" className="section">
          <Heading level={2} data-size="sm" id="package-list-heading" ref={listHeadingRef} tabIndex={-1} className="focus-target">
            {t('packages.list.heading')}
          </Heading>
          <SuccessMessage>{status}</SuccessMessage>
          {actionError ? <ErrorAlert error={actionError} /> : null}
          {!list.data ? (
            <Loading />
          ) : list.data.items.length === 0 ? (
            <EmptyState>{t('packages.list.empty')}</EmptyState>
          ) : (
            <ul className="package-list">
              {list.data.items.map((p) => (
                <li key={p.id}>
                  <PackageCard pkg={p} canManage={access.manage} onDelete={(pkg, version) => setDeleting({ pkg, version })} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <ConfirmDialog
        open={deleting !== null}
        title={t('packages.delete.title', { version: deleting?.version.version ?? '', title: deleting?.pkg.title ?? '' })}
        confirmLabel={t('packages.delete.confirm')}
        busy={busy}
        onConfirm={() => void remove()}
        onClose={() => setDeleting(null)}
      >
        <Paragraph>{t('packages.delete.text')}</Paragraph>
        {deleting && deleting.pkg.versions.length === 1 ? <Paragraph>{t('packages.delete.lastVersion')}</Paragraph> : null}
      </ConfirmDialog>
    </Page>
  );
}

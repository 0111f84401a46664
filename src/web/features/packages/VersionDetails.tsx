import { Button, Heading, Link } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { Package, PackageVersion } from '../../../shared/api/packages';
import { formatBytes } from './packageFormat';
import { LaunchableList } from './LaunchableList';

type Props = {
  pkg: Package;
  version: PackageVersion;
  latest: boolean;
  canManage: boolean;
  onDelete: (pkg: Package, version: PackageVersion) => void;
};

/** One version: who uploaded it and when, its size, its launchable items, preview and delete. */
export function VersionDetails({ pkg, version, latest, canManage, onDelete }: Props) {
  const { t, i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const previewable = version.launchables.some((l) => !l.external);
  const which = { version: version.version, title: pkg.title };
  return (
    <div className="package-version" role="group" aria-label={t('packages.version.label', which)} data-testid="package-version" data-version={version.version}>
      <Heading level={4} data-size="2xs">
        {latest ? t('packages.version.latestHeading', { version: version.version }) : t('packages.version.heading', { version: version.version })}
      </Heading>
      <dl className="package-facts">
        <div>
          <dt>{t('packages.version.kind')}</dt>
          <dd>{t(`packages.kinds.${version.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('packages.version.uploaded')}</dt>
          <dd>
            {version.uploadedBy
              ? t('packages.version.uploadedAtBy', { time: time.format(new Date(version.uploadedAt)), name: version.uploadedBy.displayName })
              : time.format(new Date(version.uploadedAt))}
          </dd>
        </div>
        <div>
          <dt>{t('packages.version.files')}</dt>
          <dd>{new Intl.NumberFormat(i18n.language).format(version.fileCount)}</dd>
        </div>
        <div>
          <dt>{t('packages.version.size')}</dt>
          <dd>{formatBytes(version.sizeBytes, i18n.language)}</dd>
        </div>
      </dl>
      <Heading level={5} data-size="2xs" className="package-version__sub">
        {t('packages.version.launchables', { count: version.launchables.length })}
      </Heading>
      <LaunchableList launchables={version.launchables} />
      <div className="button-row">
        {previewable ? (
          <Link asChild>
            <RouterLink to={`/packages/${pkg.id}/versions/${version.id}/preview`} target="_blank" rel="noopener noreferrer">
              {t('packages.version.preview')}
              <span className="visually-hidden"> {t('packages.version.previewHidden', which)}</span>
            </RouterLink>
          </Link>
        ) : null}
        {canManage ? (
          <Button variant="secondary" data-color="danger" data-size="sm" onClick={() => onDelete(pkg, version)}>
            {t('packages.version.delete')}
            <span className="visually-hidden"> {t('packages.version.deleteHidden', which)}</span>
          </Button>
        ) : null}
      </div>
    </div>
  );
}

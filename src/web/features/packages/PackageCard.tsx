import { Details, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Package, PackageVersion } from '../../../shared/api/packages';
import { CopyButton } from '../../components/CopyButton';
import { VersionDetails } from './VersionDetails';

type Props = { pkg: Package; canManage: boolean; onDelete: (pkg: Package, version: PackageVersion) => void };

/** A package: title, format, the latest version in full, earlier versions behind a disclosure. */
export function PackageCard({ pkg, canManage, onDelete }: Props) {
  const { t } = useTranslation();
  const [latest, ...earlier] = pkg.versions;
  const headingId = `package-${pkg.id}`;
  return (
    <article className="package-card" aria-labelledby={headingId} data-testid="package-card" data-identifier={pkg.identifier}>
      <div className="package-card__head">
        <Heading level={3} data-size="xs" id={headingId}>
          {pkg.title}
        </Heading>
        <ul className="tag-list" aria-label={t('packages.list.about', { title: pkg.title })}>
          {latest ? (
            <li>
              <Tag data-color="info">{t(`packages.kinds.${latest.kind}`)}</Tag>
            </li>
          ) : null}
          <li>
            <Tag data-color="neutral">{t('packages.list.versionCount', { count: pkg.versions.length })}</Tag>
          </li>
        </ul>
      </div>
      <dl className="package-facts package-facts--stacked">
        <div>
          <dt>{t('packages.list.packageActivityId')}</dt>
          <dd>
            <code className="package-code">{pkg.activityId}</code>
            <CopyButton value={pkg.activityId} label={t('packages.list.copyPackageId', { title: pkg.title })} />
          </dd>
        </div>
        <div>
          <dt>{t('packages.list.identifier')}</dt>
          <dd>
            <code className="package-code">{pkg.identifier}</code>
          </dd>
        </div>
      </dl>
      {latest ? <VersionDetails pkg={pkg} version={latest} latest canManage={canManage} onDelete={onDelete} /> : null}
      {earlier.length > 0 ? (
        <Details className="package-history">
          <Details.Summary>{t('packages.list.history', { count: earlier.length })}</Details.Summary>
          <Details.Content>
            {earlier.map((v) => (
              <VersionDetails key={v.id} pkg={pkg} version={v} latest={false} canManage={canManage} onDelete={onDelete} />
            ))}
          </Details.Content>
        </Details>
      ) : (
        <Paragraph data-size="sm" className="muted">
          {t('packages.list.noHistory')}
        </Paragraph>
      )}
    </article>
  );
}

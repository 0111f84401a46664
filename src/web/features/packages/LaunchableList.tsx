import { Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Launchable } from '../../../shared/api/packages';
import { CopyButton } from '../../components/CopyButton';

/**
 * The items of a version that can be started, each with the xAPI activity id
 * that learning records about it use. Ids are long IRIs: a list, not a table,
 * so they wrap on a phone instead of scrolling sideways.
 */
export function LaunchableList({ launchables }: { launchables: Launchable[] }) {
  const { t } = useTranslation();
  if (launchables.length === 0) return <Paragraph className="empty-state">{t('packages.version.noLaunchables')}</Paragraph>;
  return (
    <ul className="launchables">
      {launchables.map((l) => (
        <li key={l.identifier} className="launchable" data-testid="package-launchable">
          <div className="launchable__title">
            <strong>{l.title || l.identifier}</strong>
            <Tag data-size="sm" data-color="neutral">
              {t(`packages.launchable.kinds.${l.kind}`)}
            </Tag>
            {l.external ? (
              <Tag data-size="sm" data-color="info">
                {t('packages.launchable.external')}
              </Tag>
            ) : null}
          </div>
          <dl className="package-facts package-facts--stacked">
            <div>
              <dt>{t('packages.launchable.activityId')}</dt>
              <dd>
                <code className="package-code" data-testid="package-activity-id">
                  {l.activityId}
                </code>
                <CopyButton value={l.activityId} label={t('packages.launchable.copyLabel', { title: l.title || l.identifier })} />
              </dd>
            </div>
            <div>
              <dt>{t('packages.launchable.identifier')}</dt>
              <dd>
                <code className="package-code">{l.identifier}</code>
              </dd>
            </div>
            <div>
              <dt>{t('packages.launchable.launchUrl')}</dt>
              <dd>
                <code className="package-code">{l.launchUrl}</code>
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}

import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem } from '../../../../shared/api/learning';

const STATUS_COLOR = { not_started: 'neutral', in_progress: 'info', completed: 'success', passed: 'success', failed: 'danger' } as const;

/** The learner's own status, and for managers whether the item is a draft or archived. */
export function StatusTags({ item }: { item: CatalogueItem }) {
  const { t } = useTranslation();
  const tags = [
    ...(item.status !== 'published' ? [{ key: 'status', color: 'warning' as const, text: t(`catalogue.status.${item.status}`) }] : []),
    ...(item.myStatus && item.myStatus !== 'not_started' ? [{ key: 'mine', color: STATUS_COLOR[item.myStatus], text: t(`catalogue.myStatus.${item.myStatus}`) }] : []),
  ];
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label={t('catalogue.item.status')}>
      {tags.map((tag) => (
        <li key={tag.key}>
          <Tag data-color={tag.color}>{tag.text}</Tag>
        </li>
      ))}
    </ul>
  );
}

/** Kind, length and languages; with the owner when not compact. */
export function ItemFacts({ item, compact = false }: { item: CatalogueItem; compact?: boolean }) {
  const { t } = useTranslation();
  const facts: [string, string][] = [
    [t('catalogue.item.kind'), t(`catalogue.kinds.${item.kind}`)],
    [t('catalogue.item.duration'), item.durationMinutes === null ? t('catalogue.item.noDuration') : t('catalogue.item.minutes', { count: item.durationMinutes })],
    [t('catalogue.item.languages'), item.languages.map((l) => t(`languages.${l}`)).join(', ')],
  ];
  if (!compact) facts.push([t('catalogue.item.owner'), item.owner.type === 'network' ? t('catalogue.item.ownerNetwork', { name: item.owner.networkName }) : t('catalogue.item.ownerMunicipality')]);
  return (
    <dl className={compact ? 'catalogue-facts catalogue-facts--compact' : 'catalogue-facts'}>
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

import { Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { CatalogueItem } from '../../../../shared/api/learning';
import { LocalizedText } from '../../../components/LocalizedText';
import { ItemFacts, StatusTags } from './ItemFacts';

/** One item in the catalogue list: its title links to the item, then what it is, how long, which competences. */
export function ItemCard({ item }: { item: CatalogueItem }) {
  const { t } = useTranslation();
  const headingId = `item-${item.id}`;
  return (
    <Card className="catalogue-card" data-testid="catalogue-card">
      <Heading level={2} data-size="xs" id={headingId}>
        <Link asChild>
          <RouterLink to={`/learning/items/${item.id}`}>
            <LocalizedText value={item.titles} fallback={item.title} />
          </RouterLink>
        </Link>
      </Heading>
      <StatusTags item={item} />
      <ItemFacts item={item} compact />
      {item.competences.length > 0 ? (
        <ul className="tag-list" aria-label={t('catalogue.item.competences')}>
          {item.competences.slice(0, 3).map((c) => (
            <li key={c.code}>
              <Tag data-color="neutral" data-size="sm">
                {c.name ?? c.code}
              </Tag>
            </li>
          ))}
          {item.competences.length > 3 ? (
            <li>
              <Paragraph data-size="sm" className="muted">
                {t('catalogue.item.moreCompetences', { count: item.competences.length - 3 })}
              </Paragraph>
            </li>
          ) : null}
        </ul>
      ) : null}
    </Card>
  );
}

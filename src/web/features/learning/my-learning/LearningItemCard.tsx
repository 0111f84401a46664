import { Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { ItemSummary } from '../../../../shared/api/assignments';

export type Badge = { label: string; color: 'danger' | 'warning' | 'success' | 'info' | 'neutral' };

/** One item in "my learning": the title links to the item; then what it is, badges, and lines about it. */
export function LearningItemCard({ item, badges = [], children, testId }: { item: ItemSummary; badges?: Badge[]; children?: ReactNode; testId?: string }) {
  const { t } = useTranslation();
  const headingId = `my-${testId ?? 'item'}-${item.id}`;
  const facts = [t(`catalogue.kinds.${item.kind}`), item.durationMinutes ? t('myLearning.minutes', { count: item.durationMinutes }) : null].filter(Boolean).join(' · ');
  return (
    <Card className="my-learning-card" data-testid={testId} aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        <Link asChild>
          <RouterLink to={`/learning/items/${item.id}`}>{item.title}</RouterLink>
        </Link>
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {facts}
      </Paragraph>
      {badges.length > 0 ? (
        <ul className="tag-list" aria-label={t('myLearning.statusLabel')}>
          {badges.map((b) => (
            <li key={b.label}>
              <Tag data-color={b.color} data-size="sm">
                {b.label}
              </Tag>
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </Card>
  );
}

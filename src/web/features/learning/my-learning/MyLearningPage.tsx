import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { myLearning, type MyLearning } from '../../../../shared/api/assignments';
import { useApi } from '../../../api/useApi';
import { useMe } from '../../../app/auth';
import { useMunicipality } from '../../../app/municipality';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { EmptyState, NoMunicipalityPage } from '../../../components/States';
import { type Badge, LearningItemCard } from './LearningItemCard';
import { formatDate, reasonText } from './myLearningText';
import './myLearning.css';

type Assigned = MyLearning['assigned'][number];

function Section({ id, title, empty, count, children }: { id: string; title: string; empty: string; count: number; children: ReactNode }) {
  return (
    <section className="my-learning-section" aria-labelledby={id}>
      <Heading level={2} data-size="sm" id={id}>
        {title}
      </Heading>
      {count === 0 ? <EmptyState>{empty}</EmptyState> : <ul className="my-learning-list">{children}</ul>}
    </section>
  );
}

/** "My learning": assigned (by due date), recommended (with why), in progress and completed. Phone first: one column. */
export function MyLearningPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { current } = useMunicipality();
  const employee = Boolean(current && me.persons.some((p) => p.municipalityId === current.id));
  const { data, error, loading } = useApi(current && employee ? `/municipalities/${current.id}/my-learning` : null, myLearning, { lang: i18n.language });
  if (!current) return <NoMunicipalityPage title={t('myLearning.title')} />;
  const date = (d: string) => formatDate(d, i18n.language);

  const assignedBadges = (a: Assigned): Badge[] => [
    ...(a.overdue ? [{ label: t('myLearning.overdue'), color: 'danger' as const }] : a.dueSoon ? [{ label: t('myLearning.dueSoon'), color: 'warning' as const }] : []),
    a.status === 'in_progress' ? { label: t('myLearning.status.in_progress'), color: 'info' } : a.status === 'completed' ? { label: t('myLearning.status.completed'), color: 'success' } : { label: t('myLearning.status.not_started'), color: 'neutral' },
  ];

  return (
    <Page title={t('myLearning.title')} width="narrow" lead={<Paragraph>{t('myLearning.lead')}</Paragraph>}>
      {!employee ? <EmptyState>{t('myLearning.noEmployee', { municipality: current.name })}</EmptyState> : null}
      {error ? <ErrorAlert error={error} title={t('states.loadFailed')} /> : null}
      {loading && !data ? <Loading /> : null}
      {data ? (
        <div className="my-learning">
          <Section id="my-assigned" title={t('myLearning.assigned')} empty={t('myLearning.emptyAssigned')} count={data.assigned.length}>
            {data.assigned.map((a) => (
              <li key={a.assignmentId}>
                <LearningItemCard item={a.item} badges={assignedBadges(a)} testId="assigned">
                  <Paragraph data-size="sm">
                    {a.dueDate ? (a.overdue ? t('myLearning.wasDue', { date: date(a.dueDate) }) : t('myLearning.due', { date: date(a.dueDate) })) : t('myLearning.noDeadline')}
                  </Paragraph>
                  {a.recurrenceMonths ? (
                    <Paragraph data-size="sm" className="muted">
                      {t('myLearning.repeats', { count: a.recurrenceMonths })}
                      {a.validUntil ? ` · ${t('myLearning.validUntil', { date: date(a.validUntil) })}` : ''}
                    </Paragraph>
                  ) : null}
                  {a.note ? <Paragraph data-size="sm">{t('myLearning.note', { note: a.note })}</Paragraph> : null}
                </LearningItemCard>
              </li>
            ))}
          </Section>
          <Section id="my-recommended" title={t('myLearning.recommended')} empty={t('myLearning.emptyRecommended')} count={data.recommended.length}>
            {data.recommended.map((r) => (
              <li key={r.item.id}>
                <LearningItemCard item={r.item} testId="recommended">
                  <ul className="my-learning-reasons" aria-label={t('myLearning.why')}>
                    {r.reasons.map((reason) => (
                      <li key={reason.competenceCode}>{reasonText(t, reason)}</li>
                    ))}
                  </ul>
                </LearningItemCard>
              </li>
            ))}
          </Section>
          <Section id="my-in-progress" title={t('myLearning.inProgress')} empty={t('myLearning.emptyInProgress')} count={data.inProgress.length}>
            {data.inProgress.map((p) => (
              <li key={p.item.id}>
                <LearningItemCard item={p.item} testId="in-progress">
                  <Paragraph data-size="sm" className="muted">
                    {t('myLearning.lastActivity', { date: date(p.lastActivityAt) })}
                  </Paragraph>
                  <Link asChild>
                    <RouterLink to={`/learning/items/${p.item.id}`} aria-label={t('myLearning.resumeItem', { title: p.item.title })}>
                      {t('myLearning.resume')}
                    </RouterLink>
                  </Link>
                </LearningItemCard>
              </li>
            ))}
          </Section>
          <Section id="my-completed" title={t('myLearning.completed')} empty={t('myLearning.emptyCompleted')} count={data.completed.length}>
            {data.completed.map((c) => (
              <li key={c.item.id}>
                <LearningItemCard item={c.item} testId="completed">
                  <Paragraph data-size="sm">
                    {t(c.outcome === 'passed' ? 'myLearning.passedOn' : 'myLearning.completedOn', { date: date(c.completedAt) })}
                    {c.scoreScaled !== null && c.scoreScaled >= 0 ? ` · ${t('myLearning.score', { score: Math.round(c.scoreScaled * 100) })}` : ''}
                  </Paragraph>
                </LearningItemCard>
              </li>
            ))}
          </Section>
          {data.completed.length > 0 ? (
            <Paragraph>
              <Link asChild>
                <RouterLink to="/learning/certificates">{t('myLearning.certificates')}</RouterLink>
              </Link>
            </Paragraph>
          ) : null}
        </div>
      ) : null}
    </Page>
  );
}

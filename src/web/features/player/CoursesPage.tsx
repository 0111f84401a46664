import { Alert, Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { playerCourseListSchema, type PlayerCourse } from '../../../shared/api/player';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../app/auth';
import { useMunicipality } from '../../app/municipality';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { EmptyState, NoMunicipalityPage } from '../../components/States';
import './player.css';

type StatusKey = 'not_attempted' | 'incomplete' | 'completed' | 'unknown' | 'passed' | 'failed';

/** The learner's own status: passed/failed when known, else how far they got. */
function statusOf(course: PlayerCourse): StatusKey {
  const a = course.attempt;
  if (!a) return 'not_attempted';
  return a.successStatus !== 'unknown' ? a.successStatus : a.completionStatus;
}

const TAG_COLOR: Record<StatusKey, 'success' | 'danger' | 'info' | 'neutral'> = {
  not_attempted: 'neutral',
  incomplete: 'info',
  unknown: 'info',
  completed: 'success',
  passed: 'success',
  failed: 'danger',
};

/** The municipality's SCORM courses, with the signed-in learner's progress in each. */
export function CoursesPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { current } = useMunicipality();
  const isEmployee = Boolean(current && me?.persons.some((p) => p.municipalityId === current.id));
  const { data, error, loading } = useApi(current && isEmployee ? `/municipalities/${current.id}/player/courses` : null, playerCourseListSchema);
  if (!current) return <NoMunicipalityPage title={t('player.courses.title')} />;

  return (
    <Page title={t('player.courses.title')} lead={<Paragraph>{t('player.courses.lead', { municipality: current.name })}</Paragraph>}>
      {!isEmployee ? (
        <Alert data-color="info">
          <Paragraph>{t('player.courses.noPerson')}</Paragraph>
        </Alert>
      ) : null}
      {error ? <ErrorAlert error={error} title={t('states.loadFailed')} /> : null}
      {loading ? <Loading /> : null}
      {data && data.items.length === 0 ? <EmptyState>{t('player.courses.empty')}</EmptyState> : null}
      {data && data.items.length > 0 ? (
        <ul className="course-list" aria-label={t('player.courses.listLabel')}>
          {data.items.map((course) => {
            const status = statusOf(course);
            const headingId = `course-${course.packageId}`;
            const open = course.attemptOpen;
            return (
              <li key={course.packageId}>
                <Card>
                  <Heading level={2} data-size="xs" id={headingId}>
                    {course.title}
                  </Heading>
                  <div className="course-list__meta">
                    <Tag data-color={TAG_COLOR[status]}>{t(`player.status.${status}`)}</Tag>
                    <Paragraph data-size="sm">{t('player.courses.parts', { count: course.itemCount })}</Paragraph>
                    {course.attempt?.scoreScaled != null ? (
                      <Paragraph data-size="sm">{t('player.courses.score', { percent: Math.round(course.attempt.scoreScaled * 100) })}</Paragraph>
                    ) : null}
                  </div>
                  <div className="button-row">
                    <Button asChild>
                      <RouterLink to={`/learn/play/${course.packageId}`} aria-describedby={headingId}>
                        {!course.attempt ? t('player.courses.start') : open ? t('player.courses.continue') : t('player.courses.restart')}
                      </RouterLink>
                    </Button>
                    {open ? (
                      <Button asChild variant="secondary">
                        <RouterLink to={`/learn/play/${course.packageId}?new=1`} aria-describedby={headingId}>
                          {t('player.courses.restart')}
                        </RouterLink>
                      </Button>
                    ) : null}
                  </div>
                </Card>
              </li>
            );
          })}
        </ul>
      ) : null}
    </Page>
  );
}

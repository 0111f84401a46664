import { Alert, Button, Link, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { learnView, type LearnView } from '../../../../shared/api/courses';
import { api, type ApiError } from '../../../api/client';
import { asApiError, useApi } from '../../../api/useApi';
import { useAuth } from '../../../app/auth';
import { useMunicipality } from '../../../app/municipality';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { LoadErrorPage, NoMunicipalityPage } from '../../../components/States';
import { coursePath } from './courseApi';
import { CourseDone, CourseIntro } from './CourseStates';
import { LessonPlayer } from './LessonPlayer';
import './courses.css';

/**
 * The learner's course page, phone first: one lesson at a time, where they
 * left off. Opening the page resumes the round (a "resumed" statement);
 * a finished course shows its result until the learner reviews or restarts.
 */
export function LearnCoursePage() {
  const { t } = useTranslation();
  const { itemId = '' } = useParams();
  const { current } = useMunicipality();
  const { me } = useAuth();
  const isLearner = Boolean(current && me?.persons.some((p) => p.municipalityId === current.id));
  const path = current ? coursePath(current.id, itemId) : null;
  const loaded = useApi(path && isLearner ? `${path}/learn` : null, learnView);
  const [view, setView] = useState<LearnView | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const resumed = useRef(false);

  const post = async (suffix: string, body: object = {}) => {
    setBusy(true);
    setError(null);
    try {
      setView(await api(`${path}/${suffix}`, learnView, { method: 'POST', body }));
      return true;
    } catch (err) {
      setError(asApiError(err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const data = loaded.data;
    if (!data) return;
    // Coming back to a round resumes it, once per visit; the lesson shows once that is recorded.
    if (data.round && !resumed.current) {
      resumed.current = true;
      void post('start').then((ok) => {
        if (!ok) setView(data);
      });
      return;
    }
    setView(data);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded.data]);

  if (!current) return <NoMunicipalityPage title={t('course.learn.title')} />;
  if (!isLearner) {
    return (
      <Page title={t('course.learn.title')} width="narrow">
        <Alert data-color="info">
          <Paragraph>{t('course.learn.noPerson')}</Paragraph>
        </Alert>
      </Page>
    );
  }
  if (loaded.error) return <LoadErrorPage error={loaded.error} title={t('course.learn.title')} />;
  if (!view) return <Loading />;

  const back = (
    <Paragraph>
      <Link asChild>
        <RouterLink to={`/learning/items/${itemId}`}>{t('course.learn.backToItem')}</RouterLink>
      </Link>
    </Paragraph>
  );
  const done = view.status === 'completed' || view.status === 'passed';
  const round = view.round;

  return (
    <Page title={view.title} lead={back} width="narrow">
      <div className="course-learn">
        {error ? <ErrorAlert error={error} /> : null}
        {!round ? (
          <CourseIntro view={view} busy={busy} onStart={(language) => void post('start', language ? { language } : {})} />
        ) : done && !reviewing ? (
          <CourseDone
            view={view}
            busy={busy}
            onReview={() => setReviewing(true)}
            onRestart={async () => {
              if (await post('restart')) setReviewing(false);
            }}
          />
        ) : (
          <LessonPlayer
            key={`${round.registration}`}
            municipalityId={current.id}
            path={path!}
            view={view}
            round={round}
            onView={setView}
            onFinished={() => setReviewing(false)}
          />
        )}
      </div>
    </Page>
  );
}

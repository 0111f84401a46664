import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LearnView } from '../../../../shared/api/courses';
import { SelectField } from '../../../components/SelectField';

/** Before the first start: what the course is, in which language to take it. */
export function CourseIntro({ view, busy, onStart }: { view: LearnView; busy: boolean; onStart: (language: string | undefined) => void }) {
  const { t, i18n } = useTranslation();
  const preferred = view.languages.find((l) => l === i18n.language) ?? view.languages[0];
  const [language, setLanguage] = useState(preferred);
  if (view.languages.length === 0) {
    return (
      <Alert data-color="info">
        <Paragraph>{t('course.learn.notPublished')}</Paragraph>
      </Alert>
    );
  }
  return (
    <section className="course-intro" aria-labelledby="course-intro-heading">
      <Heading level={2} data-size="sm" id="course-intro-heading">
        {t('course.learn.introHeading')}
      </Heading>
      <Paragraph>{t('course.learn.intro')}</Paragraph>
      {view.languages.length > 1 ? (
        <SelectField label={t('course.learn.language')} value={language} onChange={(e) => setLanguage(e.target.value as typeof language)}>
          {view.languages.map((l) => (
            <option key={l} value={l}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </SelectField>
      ) : null}
      <div className="button-row">
        <Button type="button" className="course-touch" loading={busy} disabled={busy} onClick={() => onStart(language)}>
          {t('course.learn.start')}
        </Button>
      </div>
    </section>
  );
}

/** The course is done: the outcome, then review the lessons or start again. */
export function CourseDone({ view, busy, onReview, onRestart }: { view: LearnView; busy: boolean; onReview: () => void; onRestart: () => void }) {
  const { t } = useTranslation();
  const score = view.round?.scoreScaled;
  return (
    <section className="course-done" aria-labelledby="course-done-heading">
      <Alert data-color="success">
        <Heading level={2} data-size="sm" id="course-done-heading">
          {view.status === 'passed' ? t('course.learn.passedHeading') : t('course.learn.completedHeading')}
        </Heading>
        {score !== null && score !== undefined ? <Paragraph>{t('course.learn.finalScore', { score: Math.round(score * 100) })}</Paragraph> : null}
      </Alert>
      <div className="button-row">
        <Button type="button" variant="secondary" className="course-touch" onClick={onReview}>
          {t('course.learn.review')}
        </Button>
        <Button type="button" variant="tertiary" className="course-touch" loading={busy} disabled={busy} onClick={onRestart}>
          {t('course.learn.restart')}
        </Button>
      </div>
    </section>
  );
}

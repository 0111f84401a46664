import { Button, Details, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { learnView, openLessonResponse, type CourseRound, type LearnView, type LessonProgressView } from '../../../../shared/api/courses';
import { api, type ApiError } from '../../../api/client';
import { asApiError } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { reasonOf } from './courseApi';
import { ContentBlock } from './LessonContent';
import { QuizView } from './QuizView';

type Props = {
  municipalityId: string;
  path: string;
  view: LearnView;
  round: CourseRound;
  onView: (view: LearnView) => void;
  /** The course is finished (or was, and the learner reached the end of a review). */
  onFinished: () => void;
};

/** One lesson at a time with "Lesson 2 of 5", Previous and Next; Next completes the lesson. */
export function LessonPlayer({ municipalityId, path, view, round, onView, onFinished }: Props) {
  const { t } = useTranslation();
  const [lessonId, setLessonId] = useState(round.currentLessonId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const lessons = round.content.lessons;
  const index = Math.max(0, lessons.findIndex((l) => l.id === lessonId));
  const lesson = lessons[index]!;
  const progress = round.lessons.find((l) => l.lessonId === lesson.id) ?? { lessonId: lesson.id, completed: false, quiz: null };
  const quiz = lesson.blocks.find((b) => b.type === 'quiz');
  const blocked = quiz !== undefined && !progress.completed && !progress.quiz?.passed;
  const completedCount = round.lessons.filter((l) => l.completed).length;
  const last = index === lessons.length - 1;

  // Every lesson shown is "experienced" and becomes where the learner resumes.
  useEffect(() => {
    void api(`${path}/lessons/${lesson.id}/open`, openLessonResponse, { method: 'POST' }).catch((err: unknown) => setError(asApiError(err)));
    if (moved.current) {
      window.scrollTo({ top: 0 });
      heading.current?.focus();
    }
  }, [lesson.id, path]);

  const go = (id: string) => {
    moved.current = true;
    setError(null);
    setLessonId(id);
  };

  const next = async () => {
    setError(null);
    if (progress.completed) {
      if (last) onFinished();
      else go(lessons[index + 1]!.id);
      return;
    }
    setBusy(true);
    try {
      const after = await api(`${path}/lessons/${lesson.id}/complete`, learnView, { method: 'POST' });
      onView(after);
      if (after.status === 'completed' || after.status === 'passed') {
        if (last || after.round?.lessons.every((l) => l.completed)) onFinished();
        else go(lessons[index + 1]!.id);
      } else if (!last) go(lessons[index + 1]!.id);
      else if (after.round) go(after.round.currentLessonId);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const onQuiz = (updated: LessonProgressView) => onView({ ...view, round: { ...round, lessons: round.lessons.map((l) => (l.lessonId === updated.lessonId ? updated : l)) } });

  return (
    <article className="course-player" aria-labelledby="lesson-heading">
      <div className="course-progress">
        <Paragraph data-size="sm">{t('course.learn.lessonOf', { number: index + 1, total: lessons.length })}</Paragraph>
        <progress max={lessons.length} value={completedCount} aria-label={t('course.learn.completedOf', { count: completedCount, total: lessons.length })} />
      </div>
      <Heading level={2} data-size="md" id="lesson-heading" ref={heading} tabIndex={-1}>
        {lesson.title}
      </Heading>
      {lesson.blocks.map((block) =>
        block.type === 'quiz' ? (
          <QuizView key={`${lesson.id}-${block.id}`} quiz={block} progress={progress} path={`${path}/lessons/${lesson.id}/quiz`} onResult={onQuiz} />
        ) : (
          <ContentBlock key={block.id} block={block} municipalityId={municipalityId} language={round.language} />
        ),
      )}
      {error ? <ErrorAlert error={error} message={reasonOf(error) === 'QUIZ_NOT_PASSED' ? t('course.learn.passFirst') : undefined} /> : null}
      {blocked ? <Paragraph data-size="sm" id="next-hint">{t('course.learn.passFirst')}</Paragraph> : null}
      <nav className="course-nav" aria-label={t('course.learn.lessonNav')}>
        <Button type="button" variant="secondary" className="course-touch" disabled={index === 0} onClick={() => go(lessons[index - 1]!.id)}>
          {t('course.learn.previous')}
        </Button>
        <Button type="button" className="course-touch" loading={busy} disabled={busy || blocked} aria-describedby={blocked ? 'next-hint' : undefined} onClick={() => void next()}>
          {last ? t('course.learn.finish') : t('course.learn.next')}
        </Button>
      </nav>
      <Details className="course-toc">
        <Details.Summary>{t('course.learn.allLessons')}</Details.Summary>
        <Details.Content>
          <ol>
            {lessons.map((l, i) => {
              const done = round.lessons.find((p) => p.lessonId === l.id)?.completed ?? false;
              return (
                <li key={l.id}>
                  <Button type="button" variant="tertiary" className="course-touch" aria-current={i === index ? 'step' : undefined} onClick={() => go(l.id)}>
                    {l.title}
                    <span className="course-toc__state">{done ? t('course.learn.lessonDone') : ''}</span>
                  </Button>
                </li>
              );
            })}
          </ol>
        </Details.Content>
      </Details>
    </article>
  );
}

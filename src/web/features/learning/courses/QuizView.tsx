import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { quizResult, type LessonProgressView, type QuizResult } from '../../../../shared/api/courses';
import type { LearnerCourseContent } from '../../../../shared/api/learning-content';
import { api, type ApiError } from '../../../api/client';
import { asApiError } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';

type QuizBlock = Extract<LearnerCourseContent['lessons'][number]['blocks'][number], { type: 'quiz' }>;
type Props = { quiz: QuizBlock; progress: LessonProgressView; path: string; onResult: (lesson: LessonProgressView) => void };

const percent = (score: number) => Math.round(score * 100);

/** The lesson's quiz: answered on the device, scored on the server, with feedback per question. */
export function QuizView({ quiz, progress, path, onResult }: Props) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [result, setResult] = useState<QuizResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const byQuestion = new Map(result?.questions.map((q) => [q.questionId, q]));

  const choose = (questionId: string, optionId: string, multiple: boolean, on: boolean) => {
    const now = answers[questionId] ?? [];
    setAnswers({ ...answers, [questionId]: multiple ? (on ? [...now, optionId] : now.filter((id) => id !== optionId)) : [optionId] });
    setMissing(false);
  };

  const submit = async () => {
    if (quiz.questions.some((q) => !(answers[q.id]?.length))) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const scored = await api(path, quizResult, { method: 'POST', body: { answers } });
      setResult(scored);
      onResult(scored.lesson);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="course-quiz" aria-labelledby={`quiz-${quiz.id}`}>
      <Heading level={3} data-size="xs" id={`quiz-${quiz.id}`}>
        {quiz.title || t('course.learn.quiz')}
      </Heading>
      <Paragraph data-size="sm">{t('course.learn.passMark', { passMark: quiz.passMark })}</Paragraph>
      {progress.quiz?.passed && !result ? (
        <Alert data-color="success">
          <Paragraph>{t('course.learn.alreadyPassed', { score: percent(progress.quiz.score ?? 0) })}</Paragraph>
        </Alert>
      ) : null}
      {quiz.questions.map((q, i) => {
        const scored = byQuestion.get(q.id);
        const chosen = answers[q.id] ?? [];
        return (
          <Fieldset key={q.id} className="course-quiz__question" aria-invalid={missing && chosen.length === 0 ? true : undefined}>
            <Fieldset.Legend>{`${i + 1}. ${q.prompt}`}</Fieldset.Legend>
            <Fieldset.Description>{q.multiple ? t('course.learn.chooseAll') : t('course.learn.chooseOne')}</Fieldset.Description>
            {q.options.map((o) =>
              q.multiple ? (
                <Checkbox key={o.id} name={`${quiz.id}-${q.id}`} value={o.id} label={o.text} checked={chosen.includes(o.id)} disabled={result !== null} onChange={(e) => choose(q.id, o.id, true, e.target.checked)} />
              ) : (
                <Radio key={o.id} name={`${quiz.id}-${q.id}`} value={o.id} label={o.text} checked={chosen.includes(o.id)} disabled={result !== null} onChange={() => choose(q.id, o.id, false, true)} />
              ),
            )}
            {missing && chosen.length === 0 ? <ValidationMessage>{t('course.learn.answerThis')}</ValidationMessage> : null}
            {scored ? (
              <div className={scored.correct ? 'course-feedback course-feedback--right' : 'course-feedback course-feedback--wrong'}>
                <Paragraph>
                  <strong>{scored.correct ? t('course.learn.right') : t('course.learn.wrong')}</strong>
                </Paragraph>
                {scored.feedback.map((f) => (
                  <Paragraph key={f.optionId}>{f.text}</Paragraph>
                ))}
                {scored.explanation ? <Paragraph>{scored.explanation}</Paragraph> : null}
              </div>
            ) : null}
          </Fieldset>
        );
      })}
      <div role="status" aria-live="polite">
        {result ? (
          <Alert data-color={result.passed ? 'success' : 'warning'}>
            <Paragraph>{result.passed ? t('course.learn.quizPassed', { score: percent(result.score) }) : t('course.learn.quizFailed', { score: percent(result.score), passMark: result.passMark })}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      <div className="button-row">
        {result ? (
          <Button type="button" variant="secondary" onClick={() => setResult(null)}>
            {t('course.learn.tryAgain')}
          </Button>
        ) : (
          <Button type="button" loading={busy} disabled={busy} onClick={() => void submit()}>
            {t('course.learn.checkAnswers')}
          </Button>
        )}
      </div>
    </section>
  );
}

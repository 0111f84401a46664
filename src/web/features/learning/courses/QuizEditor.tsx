import { Button, Checkbox, Fieldset, Heading, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { BlockProps } from './BlockEditors';
import { markCorrect, move, newOption, newQuestion, removeAt, replaceAt, type DraftQuestion, type DraftQuiz } from './draftModel';

/** A quiz: pass mark, questions (single or multiple choice), options with correct flags and feedback. */
export function QuizEditor({ block, onChange, at, issues }: BlockProps<DraftQuiz>) {
  const { t } = useTranslation();
  const setQuestion = (i: number, q: DraftQuestion) => onChange({ ...block, questions: replaceAt(block.questions, i, q) });
  return (
    <div className="course-block-fields">
      <Textfield label={t('course.editor.quiz.title')} value={block.title ?? ''} onChange={(e) => onChange({ ...block, title: e.target.value || undefined })} error={issues[`${at}.title`]} />
      <Textfield
        label={t('course.editor.quiz.passMark')}
        description={t('course.editor.quiz.passMarkHelp')}
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        suffix="%"
        value={String(block.passMark)}
        onChange={(e) => onChange({ ...block, passMark: Math.max(0, Math.min(100, Math.round(Number(e.target.value) || 0))) })}
        error={issues[`${at}.passMark`]}
      />
      {issues[`${at}.questions`] ? <ValidationMessage>{issues[`${at}.questions`]}</ValidationMessage> : null}
      <ol className="course-questions">
        {block.questions.map((q, i) => (
          <li key={q.id}>
            <QuestionEditor
              question={q}
              number={i + 1}
              at={`${at}.questions.${i}`}
              issues={issues}
              onChange={(next) => setQuestion(i, next)}
              onMove={(delta) => onChange({ ...block, questions: move(block.questions, i, delta) })}
              onRemove={block.questions.length > 1 ? () => onChange({ ...block, questions: removeAt(block.questions, i) }) : undefined}
              first={i === 0}
              last={i === block.questions.length - 1}
            />
          </li>
        ))}
      </ol>
      <Button type="button" variant="secondary" onClick={() => onChange({ ...block, questions: [...block.questions, newQuestion()] })}>
        {t('course.editor.quiz.addQuestion')}
      </Button>
    </div>
  );
}

type QuestionProps = {
  question: DraftQuestion;
  number: number;
  at: string;
  issues: Record<string, string>;
  onChange: (q: DraftQuestion) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: (() => void) | undefined;
  first: boolean;
  last: boolean;
};

function QuestionEditor({ question: q, number, at, issues, onChange, onMove, onRemove, first, last }: QuestionProps) {
  const { t } = useTranslation();
  const headingId = `question-${q.id}`;
  return (
    <section className="course-question" aria-labelledby={headingId}>
      <Heading level={4} data-size="2xs" id={headingId}>
        {t('course.editor.quiz.question', { number })}
      </Heading>
      <Textfield multiline rows={2} label={t('course.editor.quiz.prompt')} value={q.prompt} required onChange={(e) => onChange({ ...q, prompt: e.target.value })} error={issues[`${at}.prompt`]} />
      <Fieldset>
        <Fieldset.Legend>{t('course.editor.quiz.kind')}</Fieldset.Legend>
        <Radio name={`${q.id}-kind`} value="single" label={t('course.editor.quiz.single')} checked={!q.multiple} onChange={() => onChange({ ...q, multiple: false, options: q.options.map((o) => ({ ...o, correct: false })) })} />
        <Radio name={`${q.id}-kind`} value="multiple" label={t('course.editor.quiz.multiple')} checked={q.multiple} onChange={() => onChange({ ...q, multiple: true })} />
      </Fieldset>
      {issues[`${at}.options`] ? <ValidationMessage>{issues[`${at}.options`]}</ValidationMessage> : null}
      <ul className="course-options">
        {q.options.map((o, i) => (
          <li key={o.id} className="course-option">
            <Textfield
              label={t('course.editor.quiz.option', { number: i + 1 })}
              value={o.text}
              required
              onChange={(e) => onChange({ ...q, options: replaceAt(q.options, i, { ...o, text: e.target.value }) })}
              error={issues[`${at}.options.${i}.text`]}
            />
            <Checkbox label={t('course.editor.quiz.correct')} checked={o.correct} onChange={(e) => onChange(markCorrect(q, i, e.target.checked))} />
            <Textfield
              label={t('course.editor.quiz.feedback')}
              value={o.feedback ?? ''}
              onChange={(e) => onChange({ ...q, options: replaceAt(q.options, i, { ...o, feedback: e.target.value || undefined }) })}
              error={issues[`${at}.options.${i}.feedback`]}
            />
            {q.options.length > 2 ? (
              <Button type="button" variant="tertiary" data-size="sm" data-color="danger" onClick={() => onChange({ ...q, options: removeAt(q.options, i) })}>
                {t('course.editor.quiz.removeOption', { number: i + 1 })}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <div className="button-row">
        {q.options.length < 10 ? (
          <Button type="button" variant="secondary" data-size="sm" onClick={() => onChange({ ...q, options: [...q.options, newOption()] })}>
            {t('course.editor.quiz.addOption')}
          </Button>
        ) : null}
      </div>
      <Textfield multiline rows={2} label={t('course.editor.quiz.explanation')} value={q.explanation ?? ''} onChange={(e) => onChange({ ...q, explanation: e.target.value || undefined })} error={issues[`${at}.explanation`]} />
      <div className="button-row">
        <Button type="button" variant="tertiary" data-size="sm" disabled={first} aria-describedby={headingId} onClick={() => onMove(-1)}>
          {t('course.editor.moveUp')}
        </Button>
        <Button type="button" variant="tertiary" data-size="sm" disabled={last} aria-describedby={headingId} onClick={() => onMove(1)}>
          {t('course.editor.moveDown')}
        </Button>
        {onRemove ? (
          <Button type="button" variant="tertiary" data-size="sm" data-color="danger" onClick={onRemove}>
            {t('course.editor.quiz.removeQuestion', { number })}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

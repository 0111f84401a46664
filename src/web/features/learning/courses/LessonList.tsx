import { Button, Heading, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { issuesUnder, move, newLesson, removeAt, type DraftLesson } from './draftModel';

type Props = {
  lessons: DraftLesson[];
  selected: number;
  onSelect: (index: number) => void;
  onChange: (lessons: DraftLesson[], select?: number) => void;
  issues: Record<string, string>;
};

/** The course's lessons in order: open one, add, move up or down, delete; all by buttons. */
export function LessonList({ lessons, selected, onSelect, onChange, issues }: Props) {
  const { t } = useTranslation();
  return (
    <nav className="course-lesson-list" aria-labelledby="lesson-list-heading">
      <Heading level={2} data-size="xs" id="lesson-list-heading">
        {t('course.editor.lessons')}
      </Heading>
      {issues.lessons ? <ValidationMessage>{issues.lessons}</ValidationMessage> : null}
      <ol>
        {lessons.map((lesson, i) => {
          const problems = issuesUnder(issues, `lessons.${i}`);
          const label = lesson.title.trim() || t('course.editor.untitledLesson', { number: i + 1 });
          const nameId = `lesson-name-${lesson.id}`;
          return (
            <li key={lesson.id} className={i === selected ? 'course-lesson-list__item course-lesson-list__item--current' : 'course-lesson-list__item'}>
              <Button type="button" variant={i === selected ? 'primary' : 'tertiary'} aria-current={i === selected ? 'true' : undefined} onClick={() => onSelect(i)}>
                <span id={nameId}>{`${i + 1}. ${label}`}</span>
                {problems > 0 ? <span className="course-lesson-list__problems">{t('course.editor.problems', { count: problems })}</span> : null}
              </Button>
              <div className="course-lesson-list__actions">
                <Button type="button" variant="tertiary" data-size="sm" disabled={i === 0} aria-describedby={nameId} onClick={() => onChange(move(lessons, i, -1), selected === i ? i - 1 : selected === i - 1 ? i : selected)}>
                  {t('course.editor.moveUp')}
                </Button>
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  disabled={i === lessons.length - 1}
                  aria-describedby={nameId}
                  onClick={() => onChange(move(lessons, i, 1), selected === i ? i + 1 : selected === i + 1 ? i : selected)}
                >
                  {t('course.editor.moveDown')}
                </Button>
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  data-color="danger"
                  aria-describedby={nameId}
                  onClick={() => onChange(removeAt(lessons, i), Math.max(0, Math.min(selected > i ? selected - 1 : selected, lessons.length - 2)))}
                >
                  {t('course.editor.removeLesson')}
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <Button type="button" variant="secondary" onClick={() => onChange([...lessons, newLesson()], lessons.length)}>
        {t('course.editor.addLesson')}
      </Button>
    </nav>
  );
}

import { Button, Heading, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ImageBlockEditor, TextBlockEditor, VideoBlockEditor } from './BlockEditors';
import { move, newBlock, removeAt, replaceAt, type BlockType, type DraftBlock, type DraftLesson } from './draftModel';
import { QuizEditor } from './QuizEditor';

type Props = {
  lesson: DraftLesson;
  index: number;
  onChange: (lesson: DraftLesson) => void;
  issues: Record<string, string>;
  municipalityId: string;
  itemId: string;
};

const BLOCK_TYPES: BlockType[] = ['text', 'image', 'video', 'quiz'];

/** One lesson: its title and its blocks, each movable and removable by buttons. */
export function LessonEditor({ lesson, index, onChange, issues, municipalityId, itemId }: Props) {
  const { t } = useTranslation();
  const at = `lessons.${index}`;
  const hasQuiz = lesson.blocks.some((b) => b.type === 'quiz');
  const setBlock = (i: number, block: DraftBlock) => onChange({ ...lesson, blocks: replaceAt(lesson.blocks, i, block) });

  return (
    <section className="course-lesson-editor" aria-labelledby="lesson-editor-heading">
      <Heading level={2} data-size="sm" id="lesson-editor-heading">
        {t('course.editor.lessonHeading', { number: index + 1 })}
      </Heading>
      <Textfield label={t('course.editor.lessonTitle')} value={lesson.title} required onChange={(e) => onChange({ ...lesson, title: e.target.value })} error={issues[`${at}.title`]} />
      {issues[`${at}.blocks`] ? <ValidationMessage>{issues[`${at}.blocks`]}</ValidationMessage> : null}
      <ol className="course-blocks">
        {lesson.blocks.map((block, i) => {
          const headingId = `block-${block.id}`;
          const props = { at: `${at}.blocks.${i}`, issues, municipalityId, itemId };
          return (
            <li key={block.id} className="course-block">
              <section aria-labelledby={headingId}>
                <Heading level={3} data-size="xs" id={headingId}>
                  {t('course.editor.blockHeading', { number: i + 1, type: t(`course.editor.blockTypes.${block.type}`) })}
                </Heading>
                {block.type === 'text' ? <TextBlockEditor block={block} onChange={(b) => setBlock(i, b)} {...props} /> : null}
                {block.type === 'image' ? <ImageBlockEditor block={block} onChange={(b) => setBlock(i, b)} {...props} /> : null}
                {block.type === 'video' ? <VideoBlockEditor block={block} onChange={(b) => setBlock(i, b)} {...props} /> : null}
                {block.type === 'quiz' ? <QuizEditor block={block} onChange={(b) => setBlock(i, b)} {...props} /> : null}
                <div className="button-row">
                  <Button type="button" variant="tertiary" data-size="sm" disabled={i === 0} aria-describedby={headingId} onClick={() => onChange({ ...lesson, blocks: move(lesson.blocks, i, -1) })}>
                    {t('course.editor.moveUp')}
                  </Button>
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    disabled={i === lesson.blocks.length - 1}
                    aria-describedby={headingId}
                    onClick={() => onChange({ ...lesson, blocks: move(lesson.blocks, i, 1) })}
                  >
                    {t('course.editor.moveDown')}
                  </Button>
                  <Button type="button" variant="tertiary" data-size="sm" data-color="danger" aria-describedby={headingId} onClick={() => onChange({ ...lesson, blocks: removeAt(lesson.blocks, i) })}>
                    {t('course.editor.removeBlock')}
                  </Button>
                </div>
              </section>
            </li>
          );
        })}
      </ol>
      <div className="button-row" role="group" aria-label={t('course.editor.addBlock')}>
        {BLOCK_TYPES.filter((type) => type !== 'quiz' || !hasQuiz).map((type) => (
          <Button key={type} type="button" variant="secondary" data-size="sm" onClick={() => onChange({ ...lesson, blocks: [...lesson.blocks, newBlock(type)] })}>
            {t(`course.editor.add.${type}`)}
          </Button>
        ))}
      </div>
    </section>
  );
}

import { Alert, Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { draftResponse, publishResponse } from '../../../../shared/api/courses';
import { api, type ApiError } from '../../../api/client';
import { asApiError, useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { SuccessMessage } from '../../../components/StatusMessage';
import { coursePath, issuesByPath, reasonOf } from './courseApi';
import { replaceAt, toCourseDraft, toEditorDraft, type EditorDraft } from './draftModel';
import { LessonEditor } from './LessonEditor';
import { LessonList } from './LessonList';

type Props = { municipalityId: string; itemId: string; language: string; onPublished: () => void };
type Notice = 'saved' | 'published' | null;

/** The draft of one language: edit, save (refused when someone else saved meanwhile), publish. */
export function EditionEditor({ municipalityId, itemId, language, onPublished }: Props) {
  const { t } = useTranslation();
  const base = `${coursePath(municipalityId, itemId)}/${language}`;
  const loaded = useApi(`${base}/draft`, draftResponse);
  const [draft, setDraft] = useState<EditorDraft | null>(null);
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState(0);
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);

  useEffect(() => {
    if (!loaded.data) return;
    setDraft(toEditorDraft(loaded.data.draft));
    setUpdatedAt(loaded.data.updatedAt);
    setDirty(false);
  }, [loaded.data]);

  // Unsaved work is not lost to a closed tab without a question.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (loaded.error) return <ErrorAlert error={loaded.error} title={t('states.loadFailed')} />;
  if (!draft) return <Loading />;

  const change = (next: EditorDraft) => {
    setDraft(next);
    setDirty(true);
    setNotice(null);
  };

  const save = async (): Promise<boolean> => {
    const saved = await api(`${base}/draft`, draftResponse, { method: 'PUT', body: { draft: toCourseDraft(draft), expectedUpdatedAt: updatedAt } });
    setUpdatedAt(saved.updatedAt);
    setDirty(false);
    return true;
  };

  const run = async (what: 'save' | 'publish') => {
    setBusy(what);
    setError(null);
    setNotice(null);
    try {
      if (what === 'save' || dirty) await save();
      if (what === 'publish') {
        await api(`${base}/publish`, publishResponse, { method: 'POST' });
        onPublished();
      }
      setIssues({});
      setNotice(what === 'save' ? 'saved' : 'published');
    } catch (err) {
      const apiError = asApiError(err);
      setIssues(issuesByPath(apiError));
      setError(apiError);
    } finally {
      setBusy(null);
    }
  };

  const reason = error ? reasonOf(error) : undefined;
  const lesson = draft.lessons[selected];
  const issueCount = Object.keys(issues).length;

  return (
    <div className="course-edition">
      <Textfield label={t('course.editor.courseTitle')} value={draft.title} required onChange={(e) => change({ ...draft, title: e.target.value })} error={issues.title} />
      <Textfield
        multiline
        rows={3}
        label={t('course.editor.description')}
        value={draft.description ?? ''}
        onChange={(e) => change({ ...draft, description: e.target.value || undefined })}
        error={issues.description}
      />
      <div className="course-editor-layout">
        <LessonList
          lessons={draft.lessons}
          selected={selected}
          onSelect={setSelected}
          issues={issues}
          onChange={(lessons, select) => {
            change({ ...draft, lessons });
            if (select !== undefined) setSelected(select);
          }}
        />
        {lesson ? (
          <LessonEditor
            key={lesson.id}
            lesson={lesson}
            index={selected}
            issues={issues}
            municipalityId={municipalityId}
            itemId={itemId}
            onChange={(next) => change({ ...draft, lessons: replaceAt(draft.lessons, selected, next) })}
          />
        ) : (
          <Paragraph>{t('course.editor.noLessons')}</Paragraph>
        )}
      </div>
      <div className="course-editor-actions">
        <Paragraph data-size="sm" role="status">
          {dirty ? t('course.editor.unsaved') : updatedAt ? t('course.editor.allSaved') : ''}
        </Paragraph>
        <div className="button-row">
          <Button type="button" variant="secondary" loading={busy === 'save'} disabled={busy !== null} onClick={() => void run('save')}>
            {t('course.editor.save')}
          </Button>
          <Button type="button" loading={busy === 'publish'} disabled={busy !== null} onClick={() => void run('publish')}>
            {t('course.editor.publish')}
          </Button>
        </div>
        <SuccessMessage>{notice === 'saved' ? t('course.editor.savedNotice') : notice === 'published' ? t('course.editor.publishedNotice') : null}</SuccessMessage>
        {error && reason === 'STALE' ? (
          <Alert data-color="warning" role="alert">
            <Paragraph>{t('course.editor.stale')}</Paragraph>
            <Button type="button" variant="secondary" onClick={() => loaded.reload()}>
              {t('course.editor.reload')}
            </Button>
          </Alert>
        ) : error && reason === 'NOT_PUBLISHABLE' ? (
          <Alert data-color="danger" role="alert">
            <Paragraph>{t('course.editor.notPublishable', { count: issueCount })}</Paragraph>
          </Alert>
        ) : error && reason === 'UNCHANGED' ? (
          <Alert data-color="info" role="alert">
            <Paragraph>{t('course.editor.unchanged')}</Paragraph>
          </Alert>
        ) : error ? (
          <ErrorAlert error={error} />
        ) : null}
      </div>
    </div>
  );
}

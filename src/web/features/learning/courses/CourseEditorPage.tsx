import { Link, Paragraph, Tabs, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { courseOverview } from '../../../../shared/api/courses';
import { useApi } from '../../../api/useApi';
import { useMunicipality } from '../../../app/municipality';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { LoadErrorPage, NoMunicipalityPage } from '../../../components/States';
import { coursePath } from './courseApi';
import { EditionEditor } from './EditionEditor';
import './courses.css';

/** The course editor: one tab per language the item is offered in, each with its own draft and versions. */
export function CourseEditorPage() {
  const { t } = useTranslation();
  const { itemId = '' } = useParams();
  const { current } = useMunicipality();
  const overview = useApi(current ? coursePath(current.id, itemId) : null, courseOverview);
  const [tab, setTab] = useState<string | null>(null);
  if (!current) return <NoMunicipalityPage title={t('course.editor.title')} />;
  if (overview.error) return <LoadErrorPage error={overview.error} title={t('course.editor.title')} />;
  // Not on reloads (after a publish): the editor below keeps its state.
  if (!overview.data) return <Loading />;
  const data = overview.data;
  const language = tab ?? data.languages[0]!;

  return (
    <Page
      title={t('course.editor.titleOf', { title: data.title })}
      lead={
        <Paragraph>
          <Link asChild>
            <RouterLink to={`/learning/items/${itemId}`}>{t('course.editor.backToItem')}</RouterLink>
          </Link>
        </Paragraph>
      }
    >
      <Tabs value={language} onChange={setTab}>
        <Tabs.List>
          {data.languages.map((l) => {
            const edition = data.editions.find((e) => e.language === l);
            return (
              <Tabs.Tab key={l} value={l}>
                {t(`languages.${l}`)}
                {edition?.publishedVersion ? (
                  <Tag data-size="sm" data-color={edition.hasUnpublishedChanges ? 'warning' : 'success'}>
                    {edition.hasUnpublishedChanges ? t('course.editor.changed', { version: edition.publishedVersion }) : t('course.editor.version', { version: edition.publishedVersion })}
                  </Tag>
                ) : (
                  <Tag data-size="sm" data-color="neutral">
                    {t('course.editor.notPublished')}
                  </Tag>
                )}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        {data.languages.map((l) => (
          <Tabs.Panel key={l} value={l}>
            {l === language ? <EditionEditor municipalityId={current.id} itemId={itemId} language={l} onPublished={overview.reload} /> : null}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Page>
  );
}

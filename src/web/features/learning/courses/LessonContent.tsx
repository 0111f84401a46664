import { Details, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { LearnerCourseContent } from '../../../../shared/api/learning-content';
import { assetUrl } from './courseApi';
import { MarkdownView } from './MarkdownView';

type LearnerBlock = LearnerCourseContent['lessons'][number]['blocks'][number];
type VideoBlock = Extract<LearnerBlock, { type: 'video' }>;

const DIRECT_FILM = /\.(mp4|webm)(\?.*)?$/i;

/** A lesson's reading matter: text, pictures and films (the quiz is rendered by QuizView). */
export function ContentBlock({ block, municipalityId, language }: { block: LearnerBlock; municipalityId: string; language: string }) {
  switch (block.type) {
    case 'text':
      return <MarkdownView markdown={block.markdown} />;
    case 'image':
      return (
        <figure className="course-figure">
          <img src={assetUrl(municipalityId, block.assetId)} alt={block.decorative ? '' : block.alt} loading="lazy" />
          {block.caption ? <figcaption>{block.caption}</figcaption> : null}
        </figure>
      );
    case 'video':
      return <Film block={block} municipalityId={municipalityId} language={language} />;
    case 'quiz':
      return null;
  }
}

function Film({ block, municipalityId, language }: { block: VideoBlock; municipalityId: string; language: string }) {
  const { t } = useTranslation();
  const src = block.source.kind === 'asset' ? assetUrl(municipalityId, block.source.assetId) : block.source.url;
  const playable = block.source.kind === 'asset' || DIRECT_FILM.test(block.source.url);
  return (
    <figure className="course-figure">
      {playable ? (
        <video controls preload="metadata" playsInline src={src} aria-label={block.title}>
          {block.captionsAssetId ? <track kind="captions" src={assetUrl(municipalityId, block.captionsAssetId)} srcLang={language} label={t('course.learn.captions')} default /> : null}
        </video>
      ) : (
        <Paragraph>
          <Link href={src} target="_blank" rel="noopener noreferrer">
            {t('course.learn.openFilm', { title: block.title })}
          </Link>
        </Paragraph>
      )}
      <figcaption>{block.title}</figcaption>
      {block.transcript ? (
        <Details>
          <Details.Summary>{t('course.learn.transcript')}</Details.Summary>
          <Details.Content>
            <Paragraph className="course-transcript">{block.transcript}</Paragraph>
          </Details.Content>
        </Details>
      ) : null}
    </figure>
  );
}

import { Checkbox, Fieldset, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { AssetUpload } from './AssetUpload';
import { assetUrl } from './courseApi';
import type { DraftImage, DraftText, DraftVideo } from './draftModel';
import { MarkdownField } from './MarkdownField';

// Editors for the text, image and film blocks. Each shows the publish issue
// of its own fields (keyed by the block's path in the draft).

export type BlockProps<B> = {
  block: B;
  onChange: (block: B) => void;
  /** The block's path in the draft, e.g. lessons.0.blocks.2. */
  at: string;
  issues: Record<string, string>;
  municipalityId: string;
  itemId: string;
};

export function TextBlockEditor({ block, onChange, at, issues }: BlockProps<DraftText>) {
  const { t } = useTranslation();
  return <MarkdownField label={t('course.editor.text.label')} value={block.markdown} onChange={(markdown) => onChange({ ...block, markdown })} error={issues[`${at}.markdown`]} />;
}

export function ImageBlockEditor({ block, onChange, at, issues, municipalityId, itemId }: BlockProps<DraftImage>) {
  const { t } = useTranslation();
  return (
    <div className="course-block-fields">
      {block.assetId ? <img className="course-image-preview" src={assetUrl(municipalityId, block.assetId)} alt={block.decorative ? '' : block.alt} /> : null}
      <AssetUpload
        municipalityId={municipalityId}
        itemId={itemId}
        kind="image"
        label={block.assetId ? t('course.editor.image.replace') : t('course.editor.image.upload')}
        onUploaded={(asset) => onChange({ ...block, assetId: asset.id })}
        error={issues[`${at}.assetId`]}
      />
      <Textfield
        label={t('course.editor.image.alt')}
        description={t('course.editor.image.altHelp')}
        value={block.alt}
        disabled={block.decorative}
        required={!block.decorative}
        onChange={(e) => onChange({ ...block, alt: e.target.value })}
        error={issues[`${at}.alt`]}
      />
      <Checkbox
        label={t('course.editor.image.decorative')}
        checked={block.decorative ?? false}
        onChange={(e) => onChange({ ...block, decorative: e.target.checked || undefined, ...(e.target.checked ? { alt: '' } : {}) })}
      />
      <Textfield label={t('course.editor.image.caption')} value={block.caption ?? ''} onChange={(e) => onChange({ ...block, caption: e.target.value || undefined })} error={issues[`${at}.caption`]} />
    </div>
  );
}

export function VideoBlockEditor({ block, onChange, at, issues, municipalityId, itemId }: BlockProps<DraftVideo>) {
  const { t } = useTranslation();
  const kind = block.source?.kind ?? 'asset';
  return (
    <div className="course-block-fields">
      <Textfield label={t('course.editor.video.title')} value={block.title} required onChange={(e) => onChange({ ...block, title: e.target.value })} error={issues[`${at}.title`]} />
      <Fieldset>
        <Fieldset.Legend>{t('course.editor.video.source')}</Fieldset.Legend>
        <Radio name={`${block.id}-source`} value="asset" label={t('course.editor.video.fromFile')} checked={kind === 'asset'} onChange={() => onChange({ ...block, source: undefined })} />
        <Radio name={`${block.id}-source`} value="url" label={t('course.editor.video.fromUrl')} checked={kind === 'url'} onChange={() => onChange({ ...block, source: { kind: 'url', url: '' } })} />
      </Fieldset>
      {block.source?.kind === 'url' ? (
        <Textfield
          label={t('course.editor.video.url')}
          type="url"
          inputMode="url"
          value={block.source.url}
          onChange={(e) => onChange({ ...block, source: { kind: 'url', url: e.target.value } })}
          error={issues[`${at}.source.url`] ?? issues[`${at}.source`]}
        />
      ) : (
        <>
          {block.source?.kind === 'asset' ? <Paragraph data-size="sm">{t('course.editor.video.uploaded')}</Paragraph> : null}
          <AssetUpload
            municipalityId={municipalityId}
            itemId={itemId}
            kind="video"
            label={block.source ? t('course.editor.video.replace') : t('course.editor.video.upload')}
            onUploaded={(asset) => onChange({ ...block, source: { kind: 'asset', assetId: asset.id } })}
            error={issues[`${at}.source.assetId`] ?? issues[`${at}.source`]}
          />
        </>
      )}
      {block.captionsAssetId ? <Paragraph data-size="sm">{t('course.editor.video.captionsUploaded')}</Paragraph> : null}
      <AssetUpload
        municipalityId={municipalityId}
        itemId={itemId}
        kind="captions"
        label={t('course.editor.video.captions')}
        onUploaded={(asset) => onChange({ ...block, captionsAssetId: asset.id })}
        error={issues[`${at}.captionsAssetId`]}
      />
      <Textfield
        multiline
        rows={4}
        label={t('course.editor.video.transcript')}
        description={t('course.editor.video.transcriptHelp')}
        value={block.transcript ?? ''}
        onChange={(e) => onChange({ ...block, transcript: e.target.value || undefined })}
        error={issues[`${at}.transcript`]}
      />
    </div>
  );
}

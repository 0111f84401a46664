import { Field, Label, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { learningAsset, type LearningAsset } from '../../../../shared/api/courses';
import { upload } from '../../../api/client';
import { asApiError } from '../../../api/useApi';
import { assetsPath, reasonOf } from './courseApi';

const ACCEPT = { image: 'image/png,image/jpeg,image/webp,image/gif', video: 'video/mp4,video/webm', captions: 'text/vtt,.vtt' } as const;

type Props = {
  municipalityId: string;
  itemId: string;
  kind: keyof typeof ACCEPT;
  label: string;
  onUploaded: (asset: LearningAsset) => void;
  error?: string | undefined;
};

/** Uploads one picture, film or captions file to the course; the server decides what it is by its bytes. */
export function AssetUpload({ municipalityId, itemId, kind, label, onUploaded, error }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const send = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const asset = await upload(assetsPath(municipalityId, itemId), learningAsset, form);
      if (asset.kind !== kind) setProblem(t('course.editor.upload.wrongKind'));
      else onUploaded(asset);
    } catch (err) {
      const reason = reasonOf(err);
      const apiError = asApiError(err);
      setProblem(
        reason === 'SVG_NOT_ALLOWED'
          ? t('course.editor.upload.svg')
          : apiError.code === 'PAYLOAD_TOO_LARGE'
            ? t('course.editor.upload.tooLarge')
            : apiError.code === 'UNSUPPORTED_FILE'
              ? t('course.editor.upload.unsupported')
              : t(`errors.${apiError.code}`),
      );
    } finally {
      setBusy(false);
    }
  };

  const message = problem ?? error;
  return (
    <Field className="course-upload">
      <Label htmlFor={id}>{label}</Label>
      <input
        id={id}
        type="file"
        accept={ACCEPT[kind]}
        disabled={busy}
        aria-invalid={message ? true : undefined}
        onChange={(e) => {
          void send(e.currentTarget.files?.[0]);
          e.currentTarget.value = '';
        }}
      />
      {busy ? (
        <Paragraph data-size="sm" role="status">
          {t('course.editor.upload.busy')}
        </Paragraph>
      ) : null}
      {message ? <ValidationMessage>{message}</ValidationMessage> : null}
    </Field>
  );
}

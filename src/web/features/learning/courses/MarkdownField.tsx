import { Button, Field, Label, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormat, type Format } from './markdownFormat';
import { MarkdownView } from './MarkdownView';

const FORMATS: Format[] = ['bold', 'italic', 'heading', 'list', 'link'];

/** Markdown in a textarea with a small toolbar and a preview. Raw HTML is never rendered. */
export function MarkdownField({ label, value, onChange, error }: { label: string; value: string; onChange: (value: string) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [preview, setPreview] = useState(false);

  const format = (f: Format) => {
    const el = ref.current;
    if (!el) return;
    const edit = applyFormat(value, el.selectionStart, el.selectionEnd, f, t(f === 'link' ? 'course.editor.markdown.linkText' : 'course.editor.markdown.placeholder'));
    onChange(edit.text);
    // Back to the text with the new part selected, once React has rendered it.
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(edit.start, edit.end);
    });
  };

  return (
    <Field className="course-markdown">
      <Label htmlFor={id}>{label}</Label>
      <div className="course-markdown__toolbar" role="toolbar" aria-label={t('course.editor.markdown.toolbar')} aria-controls={id}>
        {FORMATS.map((f) => (
          <Button key={f} type="button" variant="tertiary" data-size="sm" onClick={() => format(f)} disabled={preview}>
            {t(`course.editor.markdown.${f}`)}
          </Button>
        ))}
        <Button type="button" variant="secondary" data-size="sm" aria-pressed={preview} onClick={() => setPreview(!preview)}>
          {t('course.editor.markdown.preview')}
        </Button>
      </div>
      {preview ? (
        <div className="course-markdown__preview" aria-label={t('course.editor.markdown.previewLabel')} role="region">
          <MarkdownView markdown={value} />
        </div>
      ) : (
        <Textarea id={id} ref={ref} rows={8} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} />
      )}
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Field>
  );
}

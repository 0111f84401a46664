import { Button, Field, Input, Label, Link, List, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PeopleImport, peopleImportSchema } from '../../../shared/api/people';
import { type ApiError, upload } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IMPORT_FIELDS, REQUIRED_FIELDS, templateCsv } from './importCodes';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ImportUpload({ municipalityId, onUploaded }: { municipalityId: string; onUploaded: (imp: PeopleImport) => void }) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = inputRef.current?.files?.[0];
    if (!file) {
      setFileError(t('imports.upload.chooseFile'));
      inputRef.current?.focus();
      return;
    }
    if (!/\.(csv|xlsx)$/i.test(file.name)) {
      setFileError(t('imports.upload.wrongType'));
      inputRef.current?.focus();
      return;
    }
    setFileError(undefined);
    setError(undefined);
    setBusy(true);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      onUploaded(await upload(`/municipalities/${municipalityId}/people/imports`, peopleImportSchema, form));
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <Paragraph>{t('imports.upload.intro')}</Paragraph>
      <Paragraph>{t('imports.upload.columnsIntro')}</Paragraph>
      <List.Unordered className="columns-list">
        {IMPORT_FIELDS.map((c) => (
          <List.Item key={c}>
            {t(`imports.columns.${c}`)}
            {REQUIRED_FIELDS.has(c) ? ` (${t('common.required')})` : ''}
          </List.Item>
        ))}
      </List.Unordered>
      <Paragraph>
        <Link href={`data:text/csv;charset=utf-8,${encodeURIComponent(templateCsv())}`} download="mestring-people-template.csv">
          {t('imports.upload.template')}
        </Link>
      </Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      <Field>
        <Label>{t('imports.upload.file')}</Label>
        <Field.Description>{t('imports.upload.fileHelp')}</Field.Description>
        <Input ref={inputRef} type="file" name="file" accept={ACCEPT} aria-invalid={fileError ? true : undefined} onChange={() => setFileError(undefined)} />
        {fileError ? <ValidationMessage>{fileError}</ValidationMessage> : null}
      </Field>
      <div className="button-row">
        <Button type="submit" loading={busy} disabled={busy}>
          {t('imports.upload.submit')}
        </Button>
      </div>
    </form>
  );
}

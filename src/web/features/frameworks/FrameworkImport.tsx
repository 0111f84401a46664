import { Alert, Button, Field, Heading, Input, Label, Link, List, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { type FormEvent, type Ref, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { frameworkImportResult } from '../../../shared/api/frameworks';
import { type ApiError, uploadWithProgress } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { useLocalize } from '../../i18n/localize';
import { ImportProblemsTable } from './ImportProblemsTable';
import { importProblemsOf } from './importProblems';

const ACCEPT = '.json,.xlsx,.csv,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EXTENSIONS = /\.(json|xlsx|csv)$/i;

type ImportResult = ReturnType<typeof frameworkImportResult.parse>;
type State =
  | { step: 'idle' }
  | { step: 'uploading'; percent: number | null }
  | { step: 'processing' }
  | { step: 'done'; result: ImportResult }
  | { step: 'failed'; error: ApiError };

/** Platform admins add a framework version from a DigComp workbook or JSON file, or a CSV file. */
export function FrameworkImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const { lng } = useLocalize();
  const progressId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [state, setState] = useState<State>({ step: 'idle' });
  const busy = state.step === 'uploading' || state.step === 'processing';

  useEffect(() => () => abortRef.current?.abort(), []);

  // The submit button is disabled while uploading; afterwards focus goes to the outcome.
  useEffect(() => {
    if (state.step === 'done' || state.step === 'failed') resultRef.current?.focus();
  }, [state.step]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = inputRef.current?.files?.[0];
    if (!file || !EXTENSIONS.test(file.name)) {
      setFileError(file ? t('frameworks.import.wrongType') : t('frameworks.import.chooseFile'));
      inputRef.current?.focus();
      return;
    }
    setFileError(undefined);
    setState({ step: 'uploading', percent: 0 });
    const controller = new AbortController();
    abortRef.current = controller;
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const result = await uploadWithProgress('/frameworks/imports', frameworkImportResult, form, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'processing') setState({ step: 'processing' });
          else setState({ step: 'uploading', percent: p.total ? Math.min(100, Math.round((p.loaded / p.total) * 100)) : null });
        },
      });
      setState({ step: 'done', result });
      onImported();
    } catch (err) {
      if (controller.signal.aborted) return;
      setState({ step: 'failed', error: asApiError(err) });
    }
  };

  // Announce progress in steps of 10 %, not on every event.
  const announcement =
    state.step === 'uploading'
      ? state.percent === null
        ? t('frameworks.import.uploadingUnknown')
        : t('frameworks.import.uploading', { percent: Math.floor(state.percent / 10) * 10 })
      : state.step === 'processing'
        ? t('frameworks.import.processing')
        : '';

  return (
    <section aria-labelledby="framework-import-heading" className="section">
      <Heading level={2} data-size="sm" id="framework-import-heading">
        {t('frameworks.import.title')}
      </Heading>
      <Paragraph>{t('frameworks.import.intro')}</Paragraph>
      <Paragraph>{t('frameworks.import.formats')}</Paragraph>
      <List.Unordered>
        <List.Item>{t('frameworks.import.formatXlsx')}</List.Item>
        <List.Item>{t('frameworks.import.formatJson')}</List.Item>
        <List.Item>
          {t('frameworks.import.formatCsv')} <code className="wrap-code">{'# key=…; name=…; version=1.0; language=nb'}</code>
        </List.Item>
      </List.Unordered>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field>
          <Label>{t('frameworks.import.file')}</Label>
          <Field.Description>{t('frameworks.import.fileHelp')}</Field.Description>
          <Input
            ref={inputRef}
            type="file"
            name="file"
            accept={ACCEPT}
            aria-invalid={fileError ? true : undefined}
            onChange={() => setFileError(undefined)}
          />
          {fileError ? <ValidationMessage>{fileError}</ValidationMessage> : null}
        </Field>
        <div className="button-row">
          <Button type="submit" loading={busy} disabled={busy}>
            {t('frameworks.import.submit')}
          </Button>
        </div>
      </form>
      {busy ? (
        <div className="import-progress">
          <Label htmlFor={progressId}>{t('frameworks.import.progressLabel')}</Label>
          <progress
            id={progressId}
            max={100}
            value={state.step === 'processing' ? 100 : (state.percent ?? undefined)}
            data-testid="framework-import-progress"
          >
            {state.step === 'uploading' && state.percent !== null ? `${state.percent} %` : ''}
          </progress>
        </div>
      ) : null}
      <Paragraph role="status" aria-live="polite" data-size="sm" className="status-text" data-testid="framework-import-status">
        {announcement}
      </Paragraph>
      {state.step === 'done' ? <ImportSuccess result={state.result} headingRef={resultRef} /> : null}
      {state.step === 'failed' ? <ImportFailure error={state.error} headingRef={resultRef} showEnglishNote={lng !== 'en'} /> : null}
    </section>
  );
}

function ImportSuccess({ result, headingRef }: { result: ImportResult; headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  const { text } = useLocalize();
  const version = result.framework.versions.find((v) => v.id === result.versionId)?.version ?? '';
  const name = text(result.framework.name) || result.framework.key;
  return (
    <Alert data-color={result.created ? 'success' : 'info'} data-testid="framework-import-result">
      <Heading level={3} data-size="xs" ref={headingRef} tabIndex={-1} className="focus-target">
        {result.created ? t('frameworks.import.createdTitle') : t('frameworks.import.unchangedTitle')}
      </Heading>
      <Paragraph>{result.created ? t('frameworks.import.created', { name, version }) : t('frameworks.import.unchanged', { name, version })}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to={`/frameworks/${result.versionId}`}>{t('frameworks.import.openVersion', { name, version })}</RouterLink>
        </Link>
      </Paragraph>
    </Alert>
  );
}

function ImportFailure({ error, headingRef, showEnglishNote }: { error: ApiError; headingRef: Ref<HTMLHeadingElement>; showEnglishNote: boolean }) {
  const { t } = useTranslation();
  const { code, problems } = importProblemsOf(error);
  let message: string;
  if (error.code === 'IMPORT_INVALID') message = code ? t(`frameworks.import.codes.${code}`) : t('errors.IMPORT_INVALID');
  else if (error.code === 'CONFLICT') message = t('frameworks.import.conflict');
  else if (error.code === 'UNSUPPORTED_FILE') message = t('frameworks.import.codes.UNSUPPORTED_FILE');
  else message = t(`errors.${error.code}`);
  return (
    <div className="section" data-testid="framework-import-errors">
      <Alert data-color="danger">
        <Heading level={3} data-size="xs" ref={headingRef} tabIndex={-1} className="focus-target">
          {t('frameworks.import.failedTitle')}
        </Heading>
        <Paragraph>{message}</Paragraph>
        <Paragraph>
          {problems.length > 0 ? t('frameworks.import.problemCount', { count: problems.length }) : t('frameworks.import.nothingSaved')}
        </Paragraph>
      </Alert>
      {problems.length > 0 ? (
        <>
          {showEnglishNote ? (
            <Paragraph data-size="sm" className="muted">
              {t('frameworks.import.problemsInEnglish')}
            </Paragraph>
          ) : null}
          <ImportProblemsTable problems={problems} />
        </>
      ) : null}
    </div>
  );
}

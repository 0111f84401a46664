import { Alert, Button, EXPERIMENTAL_FileUpload as FileUpload, Field, Heading, Label, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type Package, packageUploadSchema } from '../../../shared/api/packages';
import { type ApiError, uploadWithProgress } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBytes, isTerminal, refusalOf, sentPercent } from './packageFormat';
import { UploadProgress } from './UploadProgress';
import { UploadRefusal } from './UploadRefusal';
import { useUploadStatus } from './useUploadStatus';

const ACCEPT = '.zip,application/zip,application/x-zip-compressed';

type Sending = { step: 'idle' } | { step: 'sending'; fileName: string; percent: number | null } | { step: 'failed'; error: ApiError };

/**
 * Upload a zip (chosen or dropped on the drop zone, which is the file input
 * itself, so keyboards and screen readers get a native control), follow its
 * progress, and show what became of it. The upload id sits in the address
 * (?upload=…), so a reload picks the status up again.
 */
export function PackageUpload({ municipalityId, packages, onStored }: { municipalityId: string; packages: Package[] | undefined; onStored: () => void }) {
  const { t, i18n } = useTranslation();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const followedRef = useRef(false);
  const storedRef = useRef<string | null>(null);
  const [params, setParams] = useSearchParams();
  const uploadId = params.get('upload');
  const { status, error: pollError, retrying, setStatus } = useUploadStatus(municipalityId, uploadId);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [sending, setSending] = useState<Sending>({ step: 'idle' });
  const processing = uploadId !== null && (!status || !isTerminal(status.phase));
  const busy = sending.step === 'sending' || processing;

  useEffect(() => () => abortRef.current?.abort(), []);

  useEffect(() => {
    if (status?.phase !== 'stored' || storedRef.current === status.id) return;
    storedRef.current = status.id;
    onStored();
  }, [status, onStored]);

  // After an upload followed here ends, its outcome takes focus (the submit button was busy meanwhile).
  const outcome = sending.step === 'failed' ? 'send-failed' : status && isTerminal(status.phase) ? `${status.id}:${status.phase}` : null;
  useEffect(() => {
    if (outcome && followedRef.current) resultRef.current?.focus();
  }, [outcome]);

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setFileError(undefined);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!file || !/\.zip$/i.test(file.name)) {
      setFileError(file ? t('packages.upload.wrongType') : t('packages.upload.chooseFile'));
      inputRef.current?.focus();
      return;
    }
    followedRef.current = true;
    setFileError(undefined);
    setSending({ step: 'sending', fileName: file.name, percent: 0 });
    setParams(
      (p) => {
        p.delete('upload');
        return p;
      },
      { replace: true },
    );
    const controller = new AbortController();
    abortRef.current = controller;
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const accepted = await uploadWithProgress(`/municipalities/${municipalityId}/packages/uploads`, packageUploadSchema, form, {
        signal: controller.signal,
        onProgress: (p) => setSending({ step: 'sending', fileName: file.name, percent: p.phase === 'processing' ? 100 : sentPercent(p.loaded, p.total) }),
      });
      setStatus(accepted);
      setParams(
        (p) => {
          p.set('upload', accepted.id);
          return p;
        },
        { replace: true },
      );
      setSending({ step: 'idle' });
      // The next upload starts from an empty drop zone.
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
    } catch (err) {
      if (controller.signal.aborted) return;
      setSending({ step: 'failed', error: asApiError(err) });
    }
  };

  // Phases are announced as they change; the bytes only every quarter, not on every event.
  const announcement =
    sending.step === 'sending'
      ? sending.percent === null
        ? t('packages.progress.sendingUnknown')
        : t('packages.progress.sending', { percent: Math.floor(sending.percent / 25) * 25 })
      : status && !isTerminal(status.phase)
        ? t(`packages.phases.${status.phase}`)
        : '';

  const storedVersion = status?.phase === 'stored' ? findVersion(packages, status.packageVersionId) : null;
  const sendRefusal = sending.step === 'failed' ? refusalOf(sending.error) : null;

  return (
    <>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Paragraph>{t('packages.upload.intro')}</Paragraph>
        <Field>
          <Label htmlFor={inputId}>{t('packages.upload.file')}</Label>
          <FileUpload className="package-drop">
            <Field.Description>{t('packages.upload.drop')}</Field.Description>
            <Button asChild variant="secondary">
              <span>{t('packages.upload.choose')}</span>
            </Button>
            <input
              id={inputId}
              ref={inputRef}
              type="file"
              name="file"
              accept={ACCEPT}
              aria-invalid={fileError ? true : undefined}
              onChange={(e) => choose(e.currentTarget.files?.[0] ?? null)}
            />
          </FileUpload>
          {fileError ? <ValidationMessage>{fileError}</ValidationMessage> : null}
        </Field>
        <Paragraph data-size="sm" role="status" className="package-chosen" data-testid="package-chosen-file">
          {file ? t('packages.upload.chosen', { name: file.name, size: formatBytes(file.size, i18n.language) }) : ''}
        </Paragraph>
        <div className="button-row">
          <Button type="submit" loading={busy} aria-disabled={busy || undefined}>
            {t('packages.upload.submit')}
          </Button>
        </div>
      </form>

      <div className="visually-hidden" aria-live="polite" data-testid="package-upload-announcer">
        {announcement}
      </div>

      {sending.step === 'sending' || status || (uploadId && !pollError) ? (
        <UploadProgress
          fileName={sending.step === 'sending' ? sending.fileName : (status?.fileName ?? '')}
          status={sending.step === 'sending' ? undefined : status}
          sendingPercent={sending.step === 'sending' ? sending.percent : null}
        />
      ) : null}

      {pollError && sending.step !== 'sending' ? (
        retrying ? (
          <Alert data-color="warning" role="alert">
            <Paragraph>{t('packages.progress.pollFailed', { error: t(`errors.${pollError.code}`) })}</Paragraph>
          </Alert>
        ) : (
          <ErrorAlert error={pollError} />
        )
      ) : null}

      {sending.step !== 'sending' && status?.phase === 'stored' ? (
        <Alert data-color="success" data-testid="package-stored">
          <Heading level={3} data-size="xs" ref={resultRef} tabIndex={-1} className="focus-target">
            {t('packages.result.storedTitle')}
          </Heading>
          <Paragraph>
            {storedVersion
              ? t('packages.result.stored', { title: storedVersion.title, version: storedVersion.version })
              : t('packages.result.storedFile', { file: status.fileName })}
          </Paragraph>
        </Alert>
      ) : null}

      {sending.step !== 'sending' && status && (status.phase === 'rejected' || status.phase === 'failed') && status.problem ? (
        <UploadRefusal refusal={status.problem} ourFault={status.phase === 'failed'} headingRef={resultRef} />
      ) : null}

      {sending.step === 'failed' ? (
        sendRefusal ? (
          <UploadRefusal refusal={sendRefusal} ourFault={false} headingRef={resultRef} />
        ) : (
          <Alert data-color="danger" data-testid="package-send-failed">
            <Heading level={3} data-size="xs" ref={resultRef} tabIndex={-1} className="focus-target">
              {t('packages.result.failedTitle')}
            </Heading>
            <Paragraph>{t(`errors.${sending.error.code}`)}</Paragraph>
          </Alert>
        )
      ) : null}
    </>
  );
}

function findVersion(packages: Package[] | undefined, versionId: string | null): { title: string; version: number } | null {
  for (const p of packages ?? []) {
    const v = p.versions.find((x) => x.id === versionId);
    if (v) return { title: v.title, version: v.version };
  }
  return null;
}

import { Label, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageUpload } from '../../../shared/api/packages';
import { stepStates } from './packageFormat';

/** The phase in words, with files unpacked so far while unpacking. */
export function usePhaseText() {
  const { t } = useTranslation();
  return (status: PackageUpload | undefined, sendingPercent: number | null): string => {
    if (!status) return sendingPercent === null ? t('packages.progress.sendingUnknown') : t('packages.progress.sending', { percent: sendingPercent });
    if (status.phase === 'unpacking' && status.files.total > 0) return t('packages.progress.files', { done: status.files.done, total: status.files.total });
    return t(`packages.phases.${status.phase}`);
  };
}

/**
 * One bar for the whole upload: the bytes the browser has sent, then the
 * server's own percent, with the phase named in words and every step listed.
 * The page announces phase changes in its own live region.
 */
export function UploadProgress({ fileName, status, sendingPercent }: { fileName: string; status: PackageUpload | undefined; sendingPercent: number | null }) {
  const { t } = useTranslation();
  const id = useId();
  const phaseText = usePhaseText();
  const percent = status ? status.percent : sendingPercent;
  const text = phaseText(status, sendingPercent);
  const phase = status?.phase ?? 'sending';
  return (
    <div className="import-progress package-progress" data-testid="package-upload-progress" data-phase={phase}>
      <Label htmlFor={id}>{t('packages.progress.label', { file: fileName })}</Label>
      <progress id={id} max={100} value={percent ?? undefined} aria-valuetext={percent === null ? text : `${text} (${percent} %)`}>
        {percent === null ? '' : `${percent} %`}
      </progress>
      <Paragraph data-size="sm" data-testid="package-upload-phase">
        {percent === null || status?.phase === 'stored' ? text : t('packages.progress.withPercent', { text, percent })}
      </Paragraph>
      <ol className="steps package-steps" aria-label={t('packages.progress.stepsLabel')}>
        {stepStates(status).map(({ step, state }, i) => (
          <li key={step} className="steps__item" data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="steps__number" aria-hidden="true">
              {state === 'done' ? '✓' : state === 'failed' ? '✕' : i + 1}
            </span>
            {t(`packages.steps.${step}`)}
            {state === 'done' || state === 'failed' ? <span className="visually-hidden"> ({t(`packages.stepState.${state}`)})</span> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

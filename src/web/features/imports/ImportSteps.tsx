import { useTranslation } from 'react-i18next';

export const STEPS = ['upload', 'check', 'commit', 'done'] as const;
export type Step = (typeof STEPS)[number];

/** Where the wizard is; the current step is marked with aria-current. */
export function ImportSteps({ current }: { current: Step }) {
  const { t } = useTranslation();
  const index = STEPS.indexOf(current);
  return (
    <ol className="steps" aria-label={t('imports.steps.label')}>
      {STEPS.map((step, i) => (
        <li key={step} className="steps__item" data-state={i < index ? 'done' : i === index ? 'current' : 'todo'} aria-current={i === index ? 'step' : undefined}>
          <span className="steps__number" aria-hidden="true">
            {i + 1}
          </span>
          {t(`imports.steps.${step}`)}
        </li>
      ))}
    </ol>
  );
}

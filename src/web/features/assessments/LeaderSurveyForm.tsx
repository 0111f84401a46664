import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LeaderSurvey, type Questionnaire, submitResult } from '../../../shared/api/mapping';
import { api, ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { byTheme, type SurveyItem as Item, toggleOption } from './surveyChoice';
import { useAutosave } from './useAutosave';

/** Chosen option codes per item; an empty list is "not answered" (and clears a saved answer). */
type Answers = Record<string, string[]>;

const toBody = (batch: Answers) => ({ surveyAnswers: Object.entries(batch).map(([itemCode, optionCodes]) => ({ itemCode, optionCodes })) });

function conflictReason(error: ApiError): string | undefined {
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' ? reason : undefined;
}

function missingCodes(error: ApiError): string[] {
  const missing = (error.details as { missing?: unknown } | undefined)?.missing;
  return Array.isArray(missing) ? missing.map(String) : [];
}

/**
 * The leader survey, opened through the same key as the self-assessment:
 * items grouped by theme, one choice (radio buttons) for agreement and yes/no
 * items, several (checkboxes) for multi_select ones; autosaved as the leader
 * goes, submitted once. Texts of items and options come from the API, in the
 * person's language.
 */
export function LeaderSurveyForm({
  form,
  survey,
  accessKey,
  path,
  lang,
  onSubmitted,
}: {
  form: Questionnaire;
  survey: LeaderSurvey;
  /** The key in the address (token, code or invitation id): names this form's unsaved answers on the device. */
  accessKey: string;
  path: string;
  lang: string;
  onSubmitted: () => void;
}) {
  const { t } = useTranslation();
  const { save, blocked, setBlocked, queue, restore, takePending, clear } = useAutosave<string[]>({
    storageKey: `mestring.leaderSurvey.${accessKey}`,
    path,
    toBody,
    savedAt: form.savedAt,
  });
  const [answers, setAnswers] = useState<Answers>(() => Object.fromEntries(survey.answers.map((a) => [a.itemCode, a.optionCodes])));
  const [missing, setMissing] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<ApiError | undefined>(undefined);

  // Answers left unsaved on this device last time: shown, and saved now.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    const local = restore();
    if (Object.keys(local).length > 0) setAnswers((prev) => ({ ...prev, ...local }));
  }, [restore]);

  // Resume: bring the first unanswered item into view.
  const scrolled = useRef(false);
  useEffect(() => {
    if (scrolled.current) return;
    scrolled.current = true;
    const answeredCount = survey.items.filter((i) => (answers[i.code]?.length ?? 0) > 0).length;
    if (answeredCount === 0 || answeredCount === survey.items.length) return;
    const first = survey.items.find((i) => !answers[i.code]?.length);
    if (first) document.getElementById(`item-${first.code}`)?.scrollIntoView({ block: 'start' });
  }, [survey.items, answers]);

  const change = (code: string, optionCodes: string[]) => {
    setAnswers((prev) => ({ ...prev, [code]: optionCodes }));
    queue(code, optionCodes);
    if (optionCodes.length > 0) setMissing((m) => m.filter((c) => c !== code));
  };

  const items = survey.items;
  const answered = items.filter((i) => (answers[i.code]?.length ?? 0) > 0).length;
  const total = items.length;
  const closedReason = form.campaign.status === 'closed' ? 'CAMPAIGN_CLOSED' : form.campaign.status !== 'open' ? 'CAMPAIGN_NOT_OPEN' : undefined;
  const blockedReason = blocked ? (conflictReason(blocked) ?? 'other') : closedReason;
  const disabled = blockedReason !== undefined;
  const textOf = (code: string) => items.find((i) => i.code === code)?.text ?? code;
  const time = (iso: string) => new Date(iso).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });

  const askSubmit = () => {
    setSubmitError(undefined);
    const local = items.filter((i) => !answers[i.code]?.length).map((i) => i.code);
    setMissing(local);
    if (local.length > 0) {
      requestAnimationFrame(() => document.getElementById('missing-list')?.focus());
      return;
    }
    setConfirming(true);
  };

  const doSubmit = async () => {
    setSubmitting(true);
    const batch = takePending();
    try {
      await api(`${path}/submit`, submitResult, { method: 'POST', body: toBody(batch) });
      clear();
      setConfirming(false);
      onSubmitted();
    } catch (err) {
      const error = asApiError(err);
      setConfirming(false);
      if (error.code === 'VALIDATION' && missingCodes(error).length > 0) {
        setMissing(missingCodes(error));
        requestAnimationFrame(() => document.getElementById('missing-list')?.focus());
      } else if (error.code === 'CONFLICT') {
        setBlocked(error);
      } else {
        setSubmitError(error);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Page
      title={form.campaign.name}
      width="narrow"
      lead={
        <Paragraph>
          {t('leaderSurvey.lead', { name: form.givenName, municipality: form.municipalityName, date: new Date(form.campaign.closesAt).toLocaleDateString(lang) })}
        </Paragraph>
      }
    >
      {form.campaign.mode === 'anonymous' ? (
        <Alert data-color="info">
          <Paragraph>{t('assessment.anonymousNote')}</Paragraph>
        </Alert>
      ) : (
        <Paragraph data-size="sm">{t('leaderSurvey.identifiedNote')}</Paragraph>
      )}
      {blockedReason ? (
        <Alert data-color="warning" role="alert">
          <Paragraph>{t(`assessment.conflicts.${blockedReason}`, { defaultValue: t('assessment.conflicts.other') })}</Paragraph>
        </Alert>
      ) : null}
      <div className="assessment-progress">
        <label htmlFor="assessment-progress-bar">{t('assessment.progress', { answered, total })}</label>
        <progress id="assessment-progress-bar" max={total} value={answered} />
        <div role="status" aria-live="polite" className="assessment-save" data-testid="save-status">
          {save.kind === 'saving'
            ? t('assessment.save.saving')
            : save.kind === 'saved'
              ? t('assessment.save.saved', { time: time(save.at) })
              : save.kind === 'failed'
                ? t('assessment.save.failed')
                : ''}
        </div>
      </div>
      <Paragraph data-size="sm">{t('leaderSurvey.intro')}</Paragraph>
      {byTheme(items).map((group) => (
        <section key={group.theme} className="assessment-area" aria-labelledby={`theme-${group.theme}`}>
          <Heading level={2} data-size="sm" id={`theme-${group.theme}`}>
            {t(`leaderSurvey.themes.${group.theme}`)}
          </Heading>
          {group.items.map((item) => (
            <SurveyItem
              key={item.code}
              item={item}
              chosen={answers[item.code] ?? []}
              missing={missing.includes(item.code)}
              disabled={disabled}
              onChange={(optionCodes) => change(item.code, optionCodes)}
            />
          ))}
        </section>
      ))}
      {missing.length > 0 ? (
        <Alert data-color="warning">
          <div id="missing-list" tabIndex={-1}>
            <Heading level={2} data-size="xs">
              {t('leaderSurvey.missingTitle', { count: missing.length })}
            </Heading>
            <ul>
              {missing.map((code) => (
                <li key={code}>
                  <a href={`#item-${code}`}>{textOf(code)}</a>
                </li>
              ))}
            </ul>
          </div>
        </Alert>
      ) : null}
      {submitError ? <ErrorAlert error={submitError} /> : null}
      <div className="button-row">
        <Button onClick={askSubmit} disabled={disabled}>
          {t('assessment.submit.button')}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('assessment.submit.confirmTitle')}
        confirmLabel={t('assessment.submit.confirm')}
        busy={submitting}
        danger={false}
        onConfirm={() => void doSubmit()}
        onClose={() => setConfirming(false)}
      >
        {form.campaign.mode === 'anonymous' ? t('assessment.submit.confirmTextAnonymous') : t('assessment.submit.confirmText')}
      </ConfirmDialog>
    </Page>
  );
}

/** One item: a fieldset with its text as legend; radio buttons for one choice, checkboxes for several. */
function SurveyItem({ item, chosen, missing, disabled, onChange }: { item: Item; chosen: string[]; missing: boolean; disabled: boolean; onChange: (optionCodes: string[]) => void }) {
  const { t } = useTranslation();
  const name = `survey-${item.code}`;
  return (
    <div id={`item-${item.code}`} className="assessment-competence" data-missing={missing || undefined}>
      <Fieldset>
        <Fieldset.Legend>{item.text}</Fieldset.Legend>
        {item.instruction ? <Fieldset.Description>{item.instruction}</Fieldset.Description> : null}
        {item.scale === 'multi_select'
          ? item.options.map((o) => (
              <Checkbox
                key={o.code}
                name={name}
                value={o.code}
                checked={chosen.includes(o.code)}
                disabled={disabled}
                onChange={(e) => onChange(toggleOption(item, chosen, o.code, e.target.checked))}
                label={o.text}
                description={o.exclusive ? t('leaderSurvey.exclusiveHelp') : undefined}
              />
            ))
          : item.options.map((o) => (
              <Radio key={o.code} name={name} value={o.code} checked={chosen[0] === o.code} disabled={disabled} onChange={() => onChange([o.code])} label={o.text} />
            ))}
      </Fieldset>
    </div>
  );
}

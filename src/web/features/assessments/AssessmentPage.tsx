import { Alert, Button, Checkbox, Fieldset, Heading, Link, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { questionnaire as questionnaireSchema, type Questionnaire, saveResult, submitResult } from '../../../shared/api/mapping';
import { api, ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { LeaderSurveyForm } from './LeaderSurveyForm';

type Answer = { level: number | null | undefined; wantsTraining: boolean };
type Answers = Record<string, Answer>;
type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed' };

const SAVE_DELAY_MS = 600;
const RETRY_MS = 5000;

function storageKey(key: string): string {
  return `mestring.assessment.${key}`;
}

function readLocal(key: string): Answers {
  try {
    const raw = localStorage.getItem(storageKey(key));
    return raw ? (JSON.parse(raw) as Answers) : {};
  } catch {
    return {};
  }
}

function writeLocal(key: string, pending: Answers): void {
  try {
    if (Object.keys(pending).length === 0) localStorage.removeItem(storageKey(key));
    else localStorage.setItem(storageKey(key), JSON.stringify(pending));
  } catch {
    // Storage full or disabled: nothing more we can do.
  }
}

function toBody(pending: Answers) {
  return Object.entries(pending).map(([competenceCode, a]) => ({
    competenceCode,
    ...(a.level !== undefined ? { level: a.level } : {}),
    wantsTraining: a.wantsTraining,
  }));
}

function conflictReason(error: ApiError): string | undefined {
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' ? reason : undefined;
}

function missingCodes(error: ApiError): string[] {
  const missing = (error.details as { missing?: unknown } | undefined)?.missing;
  return Array.isArray(missing) ? missing.map(String) : [];
}

/**
 * The self-assessment or the leader survey (LeaderSurveyForm), whichever the
 * invitation is for, opened by link token, shared-device code or (signed in)
 * invitation id.
 */
export function AssessmentPage() {
  const { key = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const [form, setForm] = useState<Questionnaire | undefined>(undefined);
  const [loadError, setLoadError] = useState<ApiError | undefined>(undefined);
  const [answers, setAnswers] = useState<Answers>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [blocked, setBlocked] = useState<ApiError | undefined>(undefined);
  const [missing, setMissing] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<ApiError | undefined>(undefined);
  const [done, setDone] = useState(false);
  const pending = useRef<Answers>({});
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef(false);
  const initialised = useRef(false);

  const path = `/assessments/${encodeURIComponent(key)}`;

  const flush = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    const batch = pending.current;
    if (Object.keys(batch).length === 0) return true;
    if (inFlight.current) {
      timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
      return false;
    }
    inFlight.current = true;
    pending.current = {};
    setSave({ kind: 'saving' });
    try {
      const result = await api(`${path}/answers`, saveResult, { method: 'PUT', body: { answers: toBody(batch) } });
      writeLocal(key, pending.current);
      setSave({ kind: 'saved', at: result.savedAt });
      return true;
    } catch (err) {
      // Keep what failed (unless changed since) and try again.
      pending.current = { ...batch, ...pending.current };
      writeLocal(key, pending.current);
      const error = asApiError(err);
      if (error.code === 'CONFLICT' || error.code === 'NOT_FOUND') {
        setBlocked(error);
      } else {
        setSave({ kind: 'failed' });
        timer.current = window.setTimeout(() => void flush(), RETRY_MS);
      }
      return false;
    } finally {
      inFlight.current = false;
    }
  }, [key, path]);

  useEffect(() => {
    const controller = new AbortController();
    api(path, questionnaireSchema, { query: { lang }, signal: controller.signal })
      .then((q) => {
        setForm(q);
        setLoadError(undefined);
        if (initialised.current) return;
        initialised.current = true;
        // The leader survey keeps its own answers (LeaderSurveyForm).
        if (q.instrument !== 'self_assessment') return;
        const saved: Answers = {};
        for (const a of q.answers) saved[a.competenceCode] = { level: a.level, wantsTraining: a.wantsTraining };
        const local = q.submitted ? {} : readLocal(key);
        if (q.savedAt) setSave({ kind: 'saved', at: q.savedAt });
        if (Object.keys(local).length > 0) {
          pending.current = local;
          timer.current = window.setTimeout(() => void flush(), 0);
        }
        setAnswers({ ...saved, ...local });
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setLoadError(asApiError(err));
      });
    return () => controller.abort();
  }, [path, lang, key, flush]);

  // Save what is left when the page is hidden (tab closed, phone locked).
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.clearTimeout(timer.current);
    };
  }, [flush]);

  // Resume: bring the first unanswered competence into view.
  const scrolled = useRef(false);
  useEffect(() => {
    if (!form || scrolled.current) return;
    scrolled.current = true;
    const codes = form.areas.flatMap((a) => a.competences.map((c) => c.code));
    const answeredCount = codes.filter((c) => answers[c]?.level !== undefined).length;
    if (answeredCount === 0 || answeredCount === codes.length) return;
    const first = codes.find((c) => answers[c]?.level === undefined);
    if (first) document.getElementById(`competence-${first}`)?.scrollIntoView({ block: 'start' });
  }, [form, answers]);

  const change = (code: string, patch: Partial<Answer>) => {
    setAnswers((prev) => {
      const next: Answer = { level: prev[code]?.level, wantsTraining: prev[code]?.wantsTraining ?? false, ...patch };
      pending.current = { ...pending.current, [code]: next };
      writeLocal(key, pending.current);
      return { ...prev, [code]: next };
    });
    setMissing((m) => (patch.level !== undefined ? m.filter((c) => c !== code) : m));
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
  };

  if (loadError) {
    const reason = loadError.code === 'CONFLICT' ? conflictReason(loadError) : undefined;
    const message =
      loadError.code === 'NOT_FOUND'
        ? t('assessment.notFound')
        : reason
          ? t(`assessment.conflicts.${reason}`, { defaultValue: t('assessment.conflicts.other') })
          : t(`errors.${loadError.code}`);
    return (
      <Page title={t('assessment.title')} width="narrow">
        <Alert data-color={loadError.code === 'CONFLICT' ? 'info' : 'danger'}>
          <Paragraph>{message}</Paragraph>
        </Alert>
        <Paragraph>
          <Link asChild>
            <RouterLink to="/assess">{t('assessment.code.otherCode')}</RouterLink>
          </Link>
        </Paragraph>
      </Page>
    );
  }
  if (!form) return <Loading />;

  if (done || form.submitted) {
    return (
      <Page title={done ? t('assessment.thanks.title') : t('assessment.title')} width="narrow">
        <Alert data-color="success">
          <Paragraph>{done ? t('assessment.thanks.text') : t('assessment.conflicts.ALREADY_SUBMITTED')}</Paragraph>
        </Alert>
        {done && form.campaign.mode === 'anonymous' ? <Paragraph>{t('assessment.thanks.anonymous')}</Paragraph> : null}
        <Paragraph>{t('assessment.thanks.close')}</Paragraph>
      </Page>
    );
  }

  if (form.instrument === 'leader_survey' && form.survey) {
    return <LeaderSurveyForm form={form} survey={form.survey} accessKey={key} path={path} lang={lang} onSubmitted={() => setDone(true)} />;
  }

  const competences = form.areas.flatMap((a) => a.competences);
  const answered = competences.filter((c) => answers[c.code]?.level !== undefined).length;
  const total = competences.length;
  const closedReason = form.campaign.status === 'closed' ? 'CAMPAIGN_CLOSED' : form.campaign.status !== 'open' ? 'CAMPAIGN_NOT_OPEN' : undefined;
  const blockedReason = blocked ? (conflictReason(blocked) ?? 'other') : closedReason;
  const nameOf = (code: string) => competences.find((c) => c.code === code)?.name ?? code;
  const time = (iso: string) => new Date(iso).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });

  const askSubmit = () => {
    setSubmitError(undefined);
    const local = competences.filter((c) => answers[c.code]?.level === undefined).map((c) => c.code);
    setMissing(local);
    if (local.length > 0) {
      requestAnimationFrame(() => document.getElementById('missing-list')?.focus());
      return;
    }
    setConfirming(true);
  };

  const doSubmit = async () => {
    setSubmitting(true);
    window.clearTimeout(timer.current);
    const batch = pending.current;
    try {
      await api(`${path}/submit`, submitResult, { method: 'POST', body: { answers: toBody(batch) } });
      pending.current = {};
      writeLocal(key, {});
      setConfirming(false);
      setDone(true);
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

  const disabled = blockedReason !== undefined;

  return (
    <Page
      title={form.campaign.name}
      width="narrow"
      lead={
        <Paragraph>
          {t('assessment.lead', { name: form.givenName, municipality: form.municipalityName, date: new Date(form.campaign.closesAt).toLocaleDateString(lang) })}
        </Paragraph>
      }
    >
      {form.campaign.mode === 'anonymous' ? (
        <Alert data-color="info">
          <Paragraph>{t('assessment.anonymousNote')}</Paragraph>
        </Alert>
      ) : (
        <Paragraph data-size="sm">{t('assessment.identifiedNote')}</Paragraph>
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
      <Paragraph data-size="sm">{t('assessment.instructions')}</Paragraph>
      {form.areas.map((area) => (
        <section key={area.code} className="assessment-area" aria-labelledby={`area-${area.code}`}>
          <Heading level={2} data-size="sm" id={`area-${area.code}`}>
            {area.name}
          </Heading>
          {area.description ? <Paragraph data-size="sm">{area.description}</Paragraph> : null}
          {area.competences.map((c) => {
            const a = answers[c.code];
            const isMissing = missing.includes(c.code);
            return (
              <div key={c.code} id={`competence-${c.code}`} className="assessment-competence" data-missing={isMissing || undefined}>
                <Fieldset>
                  <Fieldset.Legend>{c.name}</Fieldset.Legend>
                  {c.description ? <Fieldset.Description>{c.description}</Fieldset.Description> : null}
                  {form.levels.map((l) => {
                    const text = c.levelDescriptions.find((d) => d.level === l.level)?.text ?? l.description;
                    return (
                      <Radio
                        key={l.level}
                        name={`level-${c.code}`}
                        value={String(l.level)}
                        checked={a?.level === l.level}
                        disabled={disabled}
                        onChange={() => change(c.code, { level: l.level })}
                        label={`${l.level}. ${l.name}`}
                        description={text ?? undefined}
                      />
                    );
                  })}
                  <Radio
                    name={`level-${c.code}`}
                    value="dont-know"
                    checked={a?.level === null}
                    disabled={disabled}
                    onChange={() => change(c.code, { level: null })}
                    label={t('assessment.dontKnow')}
                  />
                </Fieldset>
                <Checkbox
                  className="assessment-training"
                  label={t('assessment.wantsTraining')}
                  checked={a?.wantsTraining ?? false}
                  disabled={disabled}
                  onChange={(e) => change(c.code, { wantsTraining: e.target.checked })}
                  value={`training-${c.code}`}
                  name={`training-${c.code}`}
                />
              </div>
            );
          })}
        </section>
      ))}
      {missing.length > 0 ? (
        <Alert data-color="warning">
          <div id="missing-list" tabIndex={-1}>
            <Heading level={2} data-size="xs">
              {t('assessment.submit.missingTitle', { count: missing.length })}
            </Heading>
            <ul>
              {missing.map((code) => (
                <li key={code}>
                  <a href={`#competence-${code}`}>{nameOf(code)}</a>
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

/** For shared devices: type the code from one's leader. */
export function CodeEntryPage() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState(false);
  const navigate = useNavigate();
  return (
    <Page title={t('assessment.code.title')} width="narrow" lead={<Paragraph>{t('assessment.code.lead')}</Paragraph>}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const clean = code.trim().toUpperCase();
          if (clean.replace(/-/g, '').length < 6) {
            setError(true);
            return;
          }
          navigate(`/assess/${encodeURIComponent(clean)}`);
        }}
      >
        <CodeField value={code} error={error ? t('assessment.code.invalid') : undefined} onChange={(v) => { setCode(v); setError(false); }} />
        <div className="button-row">
          <Button type="submit">{t('assessment.code.open')}</Button>
        </div>
      </form>
    </Page>
  );
}

function CodeField({ value, error, onChange }: { value: string; error: string | undefined; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <Textfield
      label={t('assessment.code.label')}
      description={t('assessment.code.help')}
      value={value}
      error={error}
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

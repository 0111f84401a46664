import { Button, Fieldset, Paragraph } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CompetenceProfile, competenceProfile, leaderRatingsBody } from '../../../shared/api/results';
import { api, type ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { SuccessMessage } from '../../components/StatusMessage';
import { useLevelText } from './ProfileTable';

/** Select value meaning "I cannot judge this" (sent as level null). */
const CANNOT_JUDGE = 'none';

type Values = Record<string, string>;

function initial(profile: CompetenceProfile): Values {
  return Object.fromEntries(profile.competences.map((c) => [c.code, c.leader !== null ? String(c.leader) : c.leaderCannotJudge ? CANNOT_JUDGE : '']));
}

/** The body for PUT …/leader-ratings: every competence the leader has chosen something for. */
export function ratingsBody(values: Values) {
  return {
    ratings: Object.entries(values)
      .filter(([, v]) => v !== '')
      .map(([competenceCode, v]) => ({ competenceCode, level: v === CANNOT_JUDGE ? null : Number(v) })),
  };
}

/** The leader's own rating of each competence, kept beside the person's (never mixed with it). */
export function LeaderRatingsForm({ profile, path, onSaved }: { profile: CompetenceProfile; path: string; onSaved: (p: CompetenceProfile) => void }) {
  const { t } = useTranslation();
  const levelText = useLevelText(profile.levels);
  const [values, setValues] = useState<Values>(() => initial(profile));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    setProblem(null);
    const parsed = leaderRatingsBody.safeParse(ratingsBody(values));
    if (!parsed.success || parsed.data.ratings.length === 0) {
      setProblem(t('competenceProfile.rate.nothingChosen'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const saved = await api(path, competenceProfile, { method: 'PUT', body: parsed.data });
      onSaved(saved);
      setValues(initial(saved));
      setMessage(t('competenceProfile.rate.saved'));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form form--wide" noValidate onSubmit={(e) => void submit(e)}>
      <Fieldset>
        <Fieldset.Legend>{t('competenceProfile.rate.legend')}</Fieldset.Legend>
        <Fieldset.Description>{t('competenceProfile.rate.help')}</Fieldset.Description>
        <div className="rating-grid">
          {profile.competences.map((c) => (
            <SelectField
              key={c.code}
              label={c.name}
              description={[
                t('competenceProfile.rate.own', { value: c.self !== null ? levelText(c.self) : c.dontKnow ? t('results.dontKnow') : t('competenceProfile.notAnswered') }),
                c.required !== null ? t('competenceProfile.rate.required', { value: levelText(c.required) }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
              value={values[c.code] ?? ''}
              onChange={(e) => setValues({ ...values, [c.code]: e.target.value })}
            >
              <option value="">{t('competenceProfile.rate.notRated')}</option>
              {profile.levels.map((l) => (
                <option key={l.level} value={String(l.level)}>
                  {levelText(l.level)}
                </option>
              ))}
              <option value={CANNOT_JUDGE}>{t('competenceProfile.rate.cannotJudge')}</option>
            </SelectField>
          ))}
        </div>
      </Fieldset>
      <div className="save-bar">
        <Button type="submit" loading={busy} disabled={busy}>
          {t('competenceProfile.rate.save')}
        </Button>
        <SuccessMessage>{message}</SuccessMessage>
        <div role="alert" className="status-text">
          {problem ? <Paragraph data-size="sm">{problem}</Paragraph> : null}
        </div>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
    </form>
  );
}

import { Button, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Municipality, municipalitySchema, updateMunicipalityBody } from '../../../shared/api/tenancy';
import { LANGUAGES, type Language, sizeClassOf } from '../../../shared/domain';
import { api, type ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { SuccessMessage } from '../../components/StatusMessage';
import { type FieldErrors, focusFirstInvalid, serverFieldErrors, zodFieldErrors } from '../../components/validation';

const toInt = (s: string) => (s.trim() === '' || !/^-?\d+$/.test(s.trim()) ? Number.NaN : Number(s.trim()));

export function MunicipalitySettingsForm({ municipality, onSaved }: { municipality: Municipality; onSaved: (m: Municipality) => void }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(municipality.name);
  const [population, setPopulation] = useState(String(municipality.population));
  const [language, setLanguage] = useState<Language>(municipality.defaultLanguage);
  const [threshold, setThreshold] = useState(String(municipality.anonymityThreshold));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | undefined>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const pop = toInt(population);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const parsed = updateMunicipalityBody.safeParse({
      name,
      population: toInt(population),
      defaultLanguage: language,
      anonymityThreshold: toInt(threshold),
    });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setError(undefined);
    setBusy(true);
    try {
      const next = await api(`/municipalities/${municipality.id}`, municipalitySchema, { method: 'PATCH', body: parsed.data });
      onSaved(next);
      setSaved(true);
    } catch (err) {
      const apiError = asApiError(err);
      setErrors(serverFieldErrors(apiError));
      setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form" onSubmit={(e) => void submit(e)} noValidate>
      <SuccessMessage>{saved ? t('admin.municipality.saved') : null}</SuccessMessage>
      {error ? <ErrorAlert error={error} /> : null}
      <dl className="facts facts--grid">
        <div>
          <dt>{t('admin.municipality.code')}</dt>
          <dd>{municipality.code}</dd>
        </div>
        <div>
          <dt>{t('admin.municipality.country')}</dt>
          <dd>{t(`countries.${municipality.country}`)}</dd>
        </div>
        <div>
          <dt>{t('admin.municipality.sizeClass')}</dt>
          <dd data-testid="size-class">{t(`sizeClasses.${Number.isNaN(pop) || pop < 0 ? municipality.sizeClass : sizeClassOf(pop)}`)}</dd>
        </div>
      </dl>
      <Textfield label={t('admin.municipality.name')} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} required />
      <Textfield
        label={t('admin.municipality.population')}
        description={t('admin.municipality.populationHelp')}
        inputMode="numeric"
        value={population}
        onChange={(e) => setPopulation(e.target.value)}
        error={errors.population}
        required
      />
      <SelectField
        label={t('admin.municipality.defaultLanguage')}
        value={language}
        error={errors.defaultLanguage}
        onChange={(e) => setLanguage(e.target.value as Language)}
      >
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`languages.${lng}`)}
          </option>
        ))}
      </SelectField>
      <Textfield
        label={t('admin.municipality.anonymityThreshold')}
        description={t('admin.municipality.anonymityThresholdHelp')}
        type="number"
        min={3}
        max={50}
        value={threshold}
        onChange={(e) => setThreshold(e.target.value)}
        error={errors.anonymityThreshold}
        required
      />
      <div className="button-row">
        <Button type="submit" loading={busy} disabled={busy}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}

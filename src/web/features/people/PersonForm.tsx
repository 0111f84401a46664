import { Button, Switch, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personInput } from '../../../shared/api/people';
import { LANGUAGES, PROFESSIONS, type Language, type Profession } from '../../../shared/domain';
import type { ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { type FieldErrors, focusFirstInvalid, serverFieldErrors, zodFieldErrors } from '../../components/validation';
import type { UnitNode } from '../units/tree';
import { type PersonFormValues, toBody } from './personForm';
import { UnitCheckboxes } from './UnitCheckboxes';

type Props = {
  initial: PersonFormValues;
  units: UnitNode[];
  submitLabel: string;
  onSubmit: (body: ReturnType<typeof personInput.parse>) => Promise<void>;
};

export function PersonForm({ initial, units, submitLabel, onSubmit }: Props) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [v, setV] = useState<PersonFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof PersonFormValues>(key: K, value: PersonFormValues[K]) => setV((prev) => ({ ...prev, [key]: value }));
  const byId = new Map(units.map((n) => [n.unit.id, n.unit]));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = personInput.safeParse(toBody(v));
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setError(undefined);
    setBusy(true);
    try {
      await onSubmit(parsed.data);
    } catch (err) {
      const apiError = asApiError(err);
      setErrors(serverFieldErrors(apiError));
      setError(apiError);
      focusFirstInvalid(formRef.current);
    } finally {
      setBusy(false);
    }
  };

  const text = (key: 'employeeNumber' | 'givenName' | 'familyName' | 'email' | 'phone', extra: object = {}) => (
    <Textfield
      label={t(`people.fields.${key}`)}
      value={v[key]}
      onChange={(e) => set(key, e.target.value)}
      error={errors[key]}
      {...extra}
    />
  );

  return (
    <form ref={formRef} className="form form--wide" onSubmit={(e) => void submit(e)} noValidate>
      {error ? <ErrorAlert error={error} /> : null}
      <div className="form-grid">
        {text('givenName', { autoComplete: 'off', required: true })}
        {text('familyName', { autoComplete: 'off', required: true })}
        {text('employeeNumber', { required: true })}
        {text('email', { type: 'email', autoComplete: 'off' })}
        {text('phone', { type: 'tel', autoComplete: 'off' })}
        <SelectField
          label={t('people.fields.profession')}
          value={v.profession}
          error={errors.profession}
          required
          onChange={(e) => set('profession', e.target.value as Profession | '')}
        >
          <option value="">{t('common.choose')}</option>
          {PROFESSIONS.map((p) => (
            <option key={p} value={p}>
              {t(`professions.${p}`)}
            </option>
          ))}
        </SelectField>
        <Textfield
          label={t('people.fields.positionPct')}
          description={t('people.fields.positionPctHelp')}
          inputMode="decimal"
          value={v.positionPct}
          onChange={(e) => set('positionPct', e.target.value)}
          error={errors.positionPct}
          suffix="%"
          required
        />
        <SelectField
          label={t('people.fields.preferredLanguage')}
          value={v.preferredLanguage}
          error={errors.preferredLanguage}
          onChange={(e) => set('preferredLanguage', e.target.value as Language)}
        >
          {LANGUAGES.map((lng) => (
            <option key={lng} value={lng} lang={lng}>
              {t(`languages.${lng}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <UnitCheckboxes units={units} selected={v.unitIds} error={errors.unitIds} onChange={(ids) => set('unitIds', ids)} />
      {v.unitIds.length > 1 ? (
        <SelectField
          label={t('people.fields.primaryUnit')}
          value={v.unitIds.includes(v.primaryUnitId) ? v.primaryUnitId : (v.unitIds[0] ?? '')}
          error={errors.primaryUnitId}
          onChange={(e) => set('primaryUnitId', e.target.value)}
        >
          {v.unitIds.map((id) => (
            <option key={id} value={id}>
              {byId.get(id)?.name ?? id}
            </option>
          ))}
        </SelectField>
      ) : null}
      <Switch label={t('people.fields.active')} checked={v.active} onChange={(e) => set('active', e.target.checked)} />
      <div className="button-row">
        <Button type="submit" loading={busy} disabled={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

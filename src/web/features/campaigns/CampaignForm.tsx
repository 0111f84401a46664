import { Alert, Button, Checkbox, Fieldset, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CAMPAIGN_INSTRUMENTS, CAMPAIGN_MODES } from '../../../shared/api/mapping';
import { unitSchema } from '../../../shared/api/tenancy';
import { PROFESSIONS } from '../../../shared/domain';
import type { ApiError } from '../../api/client';
import { asApiError, useApi } from '../../api/useApi';
import { useCurrentMunicipality } from '../../app/guards';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { SelectField } from '../../components/SelectField';
import { focusFirstInvalid } from '../../components/validation';
import { useLocalize } from '../../i18n/localize';
import { useFrameworks } from '../frameworks/frameworkApi';
import { type CampaignFormValues, checkValues, normalizeSelection, serverFieldKeys } from './campaignValues';
import { CompetencePicker } from './CompetencePicker';

const unitList = z.array(unitSchema);

type Props = {
  initial: CampaignFormValues;
  submitLabel: string;
  /** Saves the values (already checked); throws the API error when the server refuses. */
  onSave: (values: CampaignFormValues) => Promise<void>;
  /** Cancel link or button, after the submit button. */
  cancel: ReactNode;
};

/**
 * Everything a draft campaign has: name, framework version and competences,
 * target units and professions, instruments, dates and mode. Used to create a
 * campaign and to edit a draft.
 */
export function CampaignForm({ initial, submitLabel, onSave, cancel }: Props) {
  const { t } = useTranslation();
  const { text } = useLocalize();
  const municipality = useCurrentMunicipality();
  const formRef = useRef<HTMLFormElement>(null);
  const frameworks = useFrameworks();
  const units = useApi(`/municipalities/${municipality.id}/units`, unitList);
  const [values, setValues] = useState<CampaignFormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  // The version's competence codes in order, once the picker has them (to send null for "all chosen").
  const frameworkCodes = useRef<string[] | null>(null);

  const versions = (frameworks.data ?? []).flatMap((f) => f.versions.map((v) => ({ id: v.id, label: `${text(f.name) || f.key} ${v.version}` })));
  const versionId = values.frameworkVersionId || versions[0]?.id || '';
  const set = <K extends keyof CampaignFormValues>(key: K, value: CampaignFormValues[K], errorKey: string = key) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[errorKey]) setErrors(({ [errorKey]: _, ...rest }) => rest);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const next = { ...values, frameworkVersionId: versionId };
    const problems = checkValues(next);
    setErrors(Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, t(key as never)])));
    if (Object.keys(problems).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const all = frameworkCodes.current;
      await onSave({ ...next, competenceCodes: all ? normalizeSelection(next.competenceCodes, all) : next.competenceCodes });
    } catch (err) {
      const apiError = asApiError(err);
      const fields = serverFieldKeys(apiError);
      setErrors(Object.fromEntries(Object.entries(fields).map(([field, m]) => [field, 'key' in m ? t(m.key as never) : m.text])));
      setError(apiError);
      if (Object.keys(fields).length > 0) focusFirstInvalid(formRef.current);
    } finally {
      setBusy(false);
    }
  };

  if (frameworks.loading || units.loading) return <Loading />;
  const reason = (error?.details as { reason?: string } | undefined)?.reason;
  return (
    <form ref={formRef} noValidate onSubmit={(e) => void onSubmit(e)} className="form campaign-form">
      {error ? (
        <ErrorAlert error={error} message={reason ? t(`campaigns.conflicts.${reason}`, { defaultValue: t(`errors.${error.code}`) }) : undefined} />
      ) : null}
      {frameworks.error ? <ErrorAlert error={frameworks.error} title={t('states.loadFailed')} /> : null}
      {units.error ? <ErrorAlert error={units.error} title={t('states.loadFailed')} /> : null}
      <Textfield label={t('campaigns.fields.name')} value={values.name} error={errors.name} onChange={(e) => set('name', e.target.value)} />
      <SelectField
        label={t('campaigns.fields.framework')}
        value={versionId}
        error={errors.frameworkVersionId}
        onChange={(e) => {
          // Another version has other competences: start again from "all".
          setValues((v) => ({ ...v, frameworkVersionId: e.target.value, competenceCodes: null }));
          setErrors(({ frameworkVersionId: _a, competenceCodes: _b, ...rest }) => rest);
        }}
      >
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {v.label}
          </option>
        ))}
      </SelectField>
      <CompetencePicker
        versionId={versionId}
        value={values.competenceCodes}
        onChange={(codes) => set('competenceCodes', codes)}
        onCodes={(codes) => {
          frameworkCodes.current = codes;
        }}
        error={errors.competenceCodes}
      />
      <Fieldset>
        <Fieldset.Legend>{t('campaigns.fields.units')}</Fieldset.Legend>
        <Fieldset.Description>{t('campaigns.fields.unitsHelp')}</Fieldset.Description>
        {(units.data ?? []).map((u) => (
          <Checkbox
            key={u.id}
            label={u.name}
            value={u.id}
            checked={values.unitIds.includes(u.id)}
            aria-invalid={errors.unitIds ? true : undefined}
            onChange={(e) => set('unitIds', e.target.checked ? [...values.unitIds, u.id] : values.unitIds.filter((id) => id !== u.id))}
          />
        ))}
        {errors.unitIds ? <ValidationMessage>{errors.unitIds}</ValidationMessage> : null}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t('campaigns.fields.professions')}</Fieldset.Legend>
        <Fieldset.Description>{t('campaigns.fields.professionsHelp')}</Fieldset.Description>
        {PROFESSIONS.map((p) => (
          <Checkbox
            key={p}
            label={t(`professions.${p}`)}
            value={p}
            checked={values.professions.includes(p)}
            onChange={(e) => set('professions', e.target.checked ? [...values.professions, p] : values.professions.filter((x) => x !== p))}
          />
        ))}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t('campaigns.fields.instruments')}</Fieldset.Legend>
        <Fieldset.Description>{t('campaigns.fields.instrumentsHelp')}</Fieldset.Description>
        {CAMPAIGN_INSTRUMENTS.map((i) => (
          <Checkbox
            key={i}
            name="instruments"
            value={i}
            checked={values.instruments.includes(i)}
            aria-invalid={errors.instruments ? true : undefined}
            onChange={(e) => {
              // In the fixed order, whatever the order of clicks.
              const next = e.target.checked ? [...values.instruments, i] : values.instruments.filter((x) => x !== i);
              setValues((v) => ({ ...v, instruments: CAMPAIGN_INSTRUMENTS.filter((x) => next.includes(x)) }));
              if (next.length > 0) setErrors(({ instruments: _, ...rest }) => rest);
            }}
            label={t(`campaigns.instruments.${i}`)}
            description={t(`campaigns.instrumentHelp.${i}`)}
          />
        ))}
        {errors.instruments ? <ValidationMessage>{errors.instruments}</ValidationMessage> : null}
      </Fieldset>
      <Textfield type="date" label={t('campaigns.fields.opensAt')} value={values.opens} error={errors.opensAt} onChange={(e) => set('opens', e.target.value, 'opensAt')} />
      <Textfield type="date" label={t('campaigns.fields.closesAt')} value={values.closes} error={errors.closesAt} onChange={(e) => set('closes', e.target.value, 'closesAt')} />
      <Fieldset>
        <Fieldset.Legend>{t('campaigns.fields.mode')}</Fieldset.Legend>
        {CAMPAIGN_MODES.map((m) => (
          <Radio
            key={m}
            name="mode"
            value={m}
            checked={values.mode === m}
            onChange={() => set('mode', m)}
            label={t(`campaigns.modes.${m}`)}
            description={t(`campaigns.modeHelp.${m}`)}
          />
        ))}
      </Fieldset>
      {values.mode === 'anonymous' ? (
        <Alert data-color="info">
          <Paragraph>{t('campaigns.anonymousExplained')}</Paragraph>
        </Alert>
      ) : null}
      <div className="button-row">
        <Button type="submit" loading={busy} disabled={busy}>
          {submitLabel}
        </Button>
        {cancel}
      </div>
    </form>
  );
}

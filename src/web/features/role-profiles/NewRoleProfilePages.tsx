import { Alert, Button, Fieldset, Link, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { fromTemplateBody, roleProfileInput, roleProfileSchema } from '../../../shared/api/role-profiles';
import { api, type ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { useCurrentMunicipality } from '../../app/guards';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { LocalizedText } from '../../components/LocalizedText';
import { Page } from '../../components/Page';
import { LoadErrorPage } from '../../components/States';
import { SelectField } from '../../components/SelectField';
import { type FieldErrors, focusFirstInvalid, serverFieldErrors, zodFieldErrors } from '../../components/validation';
import { useLocalize } from '../../i18n/localize';
import { useFrameworks } from '../frameworks/frameworkApi';
import { flattenTree, indentLabel } from '../units/tree';
import { useUnits } from '../units/useUnits';
import { ProfileDetailsFields } from './ProfileDetailsFields';
import { profilesPath, useTemplates } from './roleProfileApi';
import { type DetailsValues, detailsBody, emptyDetails } from './requirements';

export type ProfileNotice = { notice?: 'created' | 'copied' };

export function BackToProfiles() {
  const { t } = useTranslation();
  return (
    <Paragraph>
      <Link asChild>
        <RouterLink to="/role-profiles">{t('roleProfiles.backToList')}</RouterLink>
      </Link>
    </Paragraph>
  );
}

/** A new profile with the template's required levels, which the municipality then adjusts. */
export function NewFromTemplatePage() {
  const { t } = useTranslation();
  const municipality = useCurrentMunicipality();
  const navigate = useNavigate();
  const { text } = useLocalize();
  const templates = useTemplates();
  const units = useUnits(municipality.id);
  const unitOptions = useMemo(() => flattenTree(units.tree), [units.tree]);
  const formRef = useRef<HTMLFormElement>(null);
  const [templateKey, setTemplateKey] = useState('');
  const [unitId, setUnitId] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const title = t('roleProfiles.fromTemplate.title');

  if (templates.error) return <LoadErrorPage error={templates.error} title={title} />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = fromTemplateBody.safeParse({ templateKey, name: name.trim() || undefined, unitId: unitId || null });
    if (!parsed.success) {
      const found = zodFieldErrors(parsed.error, t);
      if (found.templateKey) found.templateKey = t('roleProfiles.fromTemplate.chooseTemplate');
      setErrors(found);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setError(undefined);
    setBusy(true);
    try {
      const created = await api(`${profilesPath(municipality.id)}/from-template`, roleProfileSchema, { method: 'POST', body: parsed.data });
      const state: ProfileNotice = { notice: 'created' };
      void navigate(`/role-profiles/${created.id}`, { state });
    } catch (err) {
      const apiError = asApiError(err);
      setErrors(serverFieldErrors(apiError));
      setError(apiError);
      setBusy(false);
      focusFirstInvalid(formRef.current);
    }
  };

  const loading = (templates.loading && !templates.data) || (units.loading && !units.data);
  return (
    <Page title={title} lead={<BackToProfiles />} width="narrow">
      <Paragraph>{t('roleProfiles.fromTemplate.lead')}</Paragraph>
      {loading ? <Loading /> : null}
      {templates.data && templates.data.length === 0 ? (
        <Alert data-color="info">
          <Paragraph>{t('roleProfiles.fromTemplate.noTemplates')}</Paragraph>
        </Alert>
      ) : null}
      {!loading && templates.data && templates.data.length > 0 ? (
        <form ref={formRef} className="form" onSubmit={(e) => void submit(e)} noValidate>
          {error ? (
            <ErrorAlert error={error} message={error.code === 'CONFLICT' ? t('roleProfiles.fromTemplate.conflict') : undefined} />
          ) : null}
          <Fieldset className="template-choices">
            <Fieldset.Legend>{t('roleProfiles.fromTemplate.template')}</Fieldset.Legend>
            {templates.data.map((tpl) => (
              <Radio
                key={tpl.key}
                name="template"
                value={tpl.key}
                checked={templateKey === tpl.key}
                onChange={() => {
                  setTemplateKey(tpl.key);
                  setErrors(({ templateKey: _, ...rest }) => rest);
                }}
                aria-invalid={errors.templateKey ? true : undefined}
                label={<LocalizedText value={tpl.name} fallback={tpl.key} />}
                description={
                  <span className="template-choice__description">
                    <span className="template-choice__meta">
                      {tpl.profession ? t(`professions.${tpl.profession}`) : t('roleProfiles.allProfessions')} ·{' '}
                      {t('roleProfiles.fromTemplate.requirementCount', { count: tpl.requirements.length })}
                    </span>
                    <span>
                      <LocalizedText value={tpl.description} />
                    </span>
                  </span>
                }
              />
            ))}
            {errors.templateKey ? <ValidationMessage>{errors.templateKey}</ValidationMessage> : null}
          </Fieldset>
          <SelectField label={t('roleProfiles.fromTemplate.unit')} description={t('roleProfiles.fields.unitHelp')} value={unitId} error={errors.unitId} onChange={(e) => setUnitId(e.target.value)}>
            <option value="">{t('roleProfiles.fields.noUnit')}</option>
            {unitOptions.map((n) => (
              <option key={n.unit.id} value={n.unit.id}>
                {indentLabel(n)}
              </option>
            ))}
          </SelectField>
          <Textfield
            label={t('roleProfiles.fromTemplate.name')}
            description={
              templateKey
                ? t('roleProfiles.fromTemplate.nameHelpChosen', { name: text(templates.data.find((x) => x.key === templateKey)?.name) })
                : t('roleProfiles.fromTemplate.nameHelp')
            }
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={errors.name}
            autoComplete="off"
          />
          <div className="button-row">
            <Button type="submit" loading={busy} disabled={busy}>
              {t('roleProfiles.create')}
            </Button>
            <Button asChild variant="secondary">
              <RouterLink to="/role-profiles">{t('common.cancel')}</RouterLink>
            </Button>
          </div>
        </form>
      ) : null}
    </Page>
  );
}

/** An empty profile on a chosen framework version; the levels are set in the editor. */
export function NewRoleProfilePage() {
  const { t } = useTranslation();
  const municipality = useCurrentMunicipality();
  const navigate = useNavigate();
  const { text } = useLocalize();
  const frameworks = useFrameworks();
  const units = useUnits(municipality.id);
  const unitOptions = useMemo(() => flattenTree(units.tree), [units.tree]);
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<DetailsValues>(emptyDetails);
  const [versionId, setVersionId] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const title = t('roleProfiles.createTitle');

  const versions = useMemo(
    () =>
      (frameworks.data ?? [])
        .slice()
        // The built-in framework first: most profiles start there.
        .sort((a, b) => Number(b.builtIn) - Number(a.builtIn))
        .flatMap((f) => f.versions.map((v) => ({ id: v.id, label: t('roleProfiles.frameworkVersion', { name: text(f.name) || f.key, version: v.version }) }))),
    [frameworks.data, text, t],
  );
  const chosenVersion = versionId ?? versions[0]?.id ?? '';

  if (frameworks.error) return <LoadErrorPage error={frameworks.error} title={title} />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = roleProfileInput.safeParse({ ...detailsBody(values), frameworkVersionId: chosenVersion, requirements: [] });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setError(undefined);
    setBusy(true);
    try {
      const created = await api(profilesPath(municipality.id), roleProfileSchema, { method: 'POST', body: parsed.data });
      const state: ProfileNotice = { notice: 'created' };
      void navigate(`/role-profiles/${created.id}`, { state });
    } catch (err) {
      const apiError = asApiError(err);
      setErrors(serverFieldErrors(apiError));
      setError(apiError);
      setBusy(false);
      focusFirstInvalid(formRef.current);
    }
  };

  const loading = (frameworks.loading && !frameworks.data) || (units.loading && !units.data);
  return (
    <Page title={title} lead={<BackToProfiles />}>
      <Paragraph>{t('roleProfiles.createLead')}</Paragraph>
      {loading ? <Loading /> : null}
      {!loading && versions.length === 0 ? (
        <Alert data-color="info">
          <Paragraph>{t('roleProfiles.noFrameworks')}</Paragraph>
        </Alert>
      ) : null}
      {!loading && versions.length > 0 ? (
        <form ref={formRef} className="form form--wide" onSubmit={(e) => void submit(e)} noValidate>
          {error ? <ErrorAlert error={error} /> : null}
          <ProfileDetailsFields
            values={values}
            errors={errors}
            units={unitOptions}
            onChange={(key, value) => setValues((prev) => ({ ...prev, [key]: value }))}
          />
          <SelectField
            className="narrow-field"
            label={t('roleProfiles.fields.framework')}
            description={t('roleProfiles.fields.frameworkHelp')}
            value={chosenVersion}
            error={errors.frameworkVersionId}
            required
            onChange={(e) => setVersionId(e.target.value)}
          >
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </SelectField>
          <div className="button-row">
            <Button type="submit" loading={busy} disabled={busy}>
              {t('roleProfiles.create')}
            </Button>
            <Button asChild variant="secondary">
              <RouterLink to="/role-profiles">{t('common.cancel')}</RouterLink>
            </Button>
          </div>
        </form>
      ) : null}
    </Page>
  );
}

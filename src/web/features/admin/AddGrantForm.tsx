import { Button, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createMunicipalGrantBody, roleGrantSchema } from '../../../shared/api/access';
import { ROLE_SCOPES, type Role } from '../../../shared/domain';
import { api, type ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { type FieldErrors, focusFirstInvalid, serverFieldErrors, zodFieldErrors } from '../../components/validation';
import { indentLabel, type UnitNode } from '../units/tree';

type Props = {
  path: string;
  roles: readonly Role[];
  /** Units to narrow a grant to; omit for network grants. */
  units?: UnitNode[];
  onAdded: () => void;
};

/** Grant a role to an account, found or created by e-mail. */
export function AddGrantForm({ path, roles, units, onAdded }: Props) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [unitId, setUnitId] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const unitAllowed = Boolean(units && role && ROLE_SCOPES[role].includes('unit'));
  const municipalityAllowed = Boolean(role && ROLE_SCOPES[role].includes('municipality'));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      email: email.trim(),
      displayName: displayName.trim() || undefined,
      role: role || undefined,
      ...(units ? { unitId: unitAllowed && unitId ? unitId : null } : {}),
    };
    const parsed = createMunicipalGrantBody.safeParse(body);
    const found = parsed.success ? {} : zodFieldErrors(parsed.error, t);
    if (units && unitAllowed && !municipalityAllowed && !unitId) found.unitId = t('grants.unitRequired');
    if (Object.keys(found).length > 0 || !parsed.success) {
      setErrors(found);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setError(undefined);
    setBusy(true);
    try {
      await api(path, roleGrantSchema, { method: 'POST', body: parsed.data });
      setEmail('');
      setDisplayName('');
      setRole('');
      setUnitId('');
      onAdded();
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
      {error ? <ErrorAlert error={error} /> : null}
      <div className="form-grid">
        <Textfield label={t('grants.fields.email')} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} required />
        <Textfield
          label={t('grants.fields.displayName')}
          description={t('grants.fields.displayNameHelp')}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={errors.displayName}
        />
        <SelectField label={t('grants.fields.role')} value={role} error={errors.role} required onChange={(e) => setRole(e.target.value as Role | '')}>
          <option value="">{t('common.choose')}</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </SelectField>
        {units && unitAllowed ? (
          <SelectField label={t('grants.fields.unit')} value={unitId} error={errors.unitId} onChange={(e) => setUnitId(e.target.value)}>
            {municipalityAllowed ? <option value="">{t('grants.wholeMunicipality')}</option> : <option value="">{t('common.choose')}</option>}
            {units.map((n) => (
              <option key={n.unit.id} value={n.unit.id}>
                {indentLabel(n)}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      <div className="button-row">
        <Button type="submit" loading={busy} disabled={busy}>
          {t('grants.add')}
        </Button>
      </div>
    </form>
  );
}

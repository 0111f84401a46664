import { Button, Dialog, Heading, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createUnitBody, type Unit, unitSchema } from '../../../shared/api/tenancy';
import { UNIT_KINDS, type UnitKind } from '../../../shared/domain';
import { api, type ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { type FieldErrors, focusFirstInvalid, serverFieldErrors, zodFieldErrors } from '../../components/validation';
import { childKind, descendantIds, flattenTree, indentLabel, type UnitNode } from './tree';

export type UnitDialogState = { mode: 'create'; parent: Unit | null } | { mode: 'edit'; unit: Unit } | null;

type Props = {
  state: UnitDialogState;
  municipalityId: string;
  tree: UnitNode[];
  onClose: () => void;
  onSaved: (unit: Unit) => void;
};

type Values = { name: string; code: string; kind: UnitKind; parentId: string };

function initial(state: UnitDialogState): Values {
  if (state?.mode === 'edit') {
    const u = state.unit;
    return { name: u.name, code: u.code ?? '', kind: u.kind, parentId: u.parentId ?? '' };
  }
  const parent = state?.parent ?? null;
  return { name: '', code: '', kind: childKind(parent?.kind ?? null), parentId: parent?.id ?? '' };
}

export function UnitDialog({ state, municipalityId, tree, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(() => initial(state));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setValues(initial(state));
    setErrors({});
    setError(undefined);
  }, [state]);

  const editingId = state?.mode === 'edit' ? state.unit.id : null;
  const parentOptions = useMemo(() => {
    const excluded = editingId ? descendantIds(tree, editingId) : new Set<string>();
    return flattenTree(tree).filter((n) => !excluded.has(n.unit.id) && n.unit.kind !== 'team');
  }, [tree, editingId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = createUnitBody.safeParse({
      name: values.name,
      code: values.code.trim() ? values.code : null,
      kind: values.kind,
      parentId: values.parentId || null,
    });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const path = `/municipalities/${municipalityId}/units${editingId ? `/${editingId}` : ''}`;
      const saved = await api(path, unitSchema, { method: editingId ? 'PATCH' : 'POST', body: parsed.data });
      onSaved(saved);
    } catch (err) {
      const apiError = asApiError(err);
      setErrors(serverFieldErrors(apiError));
      setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  const title = editingId
    ? t('units.editTitle')
    : state?.mode === 'create' && state.parent
      ? t('units.addUnder', { name: state.parent.name })
      : t('units.addServiceArea');

  return (
    <Dialog open={state !== null} onClose={onClose} aria-labelledby={headingId} closeButton={t('common.close')}>
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form ref={formRef} className="form" onSubmit={(e) => void submit(e)} noValidate>
          {error ? <ErrorAlert error={error} /> : null}
          <Textfield
            label={t('units.fields.name')}
            value={values.name}
            onChange={(e) => setValues({ ...values, name: e.target.value })}
            error={errors.name}
            required
          />
          <Textfield
            label={t('units.fields.code')}
            description={t('units.fields.codeHelp')}
            value={values.code}
            onChange={(e) => setValues({ ...values, code: e.target.value })}
            error={errors.code}
          />
          <SelectField
            label={t('units.fields.kind')}
            value={values.kind}
            error={errors.kind}
            onChange={(e) => setValues({ ...values, kind: e.target.value as UnitKind })}
          >
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`unitKinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('units.fields.parent')}
            value={values.parentId}
            error={errors.parentId}
            onChange={(e) => setValues({ ...values, parentId: e.target.value })}
          >
            <option value="">{t('units.noParent')}</option>
            {parentOptions.map((n) => (
              <option key={n.unit.id} value={n.unit.id}>
                {indentLabel(n)}
              </option>
            ))}
          </SelectField>
          <div className="button-row">
            <Button type="submit" loading={busy} disabled={busy}>
              {t('common.save')}
            </Button>
            <Button variant="secondary" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}

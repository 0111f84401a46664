import { Button, Checkbox, Fieldset, Paragraph, Radio, Switch, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { FrameworkSummary } from '../../../../shared/api/frameworks';
import { type CatalogueItem, catalogueItem, createItemBody, LEARNING_ITEM_KINDS, STATUS_TRANSITIONS, updateItemBody } from '../../../../shared/api/learning';
import { api, type ApiError } from '../../../api/client';
import { asApiError } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SelectField } from '../../../components/SelectField';
import { type FieldErrors, focusFirstInvalid, serverFieldErrors, zodFieldErrors } from '../../../components/validation';
import type { CatalogueAccess } from './catalogueApi';
import { itemPath, itemsPath } from './catalogueApi';
import { CompetenceTagPicker } from './CompetenceTagPicker';
import type { ItemNotice } from './ItemDetailPage';
import { createBody, type ItemValues, updateBody } from './itemForm';
import { ItemKindFields } from './ItemKindFields';
import { ItemTextFields } from './ItemTextFields';

type Props = { municipalityId: string; access: CatalogueAccess; frameworks: FrameworkSummary[]; initial: ItemValues; item?: CatalogueItem };

/** Creates an item, or edits one (its kind and owner stay as they were). */
export function ItemEditorForm({ municipalityId, access, frameworks, initial, item }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const change = (patch: Partial<ItemValues>) => setValues((v) => ({ ...v, ...patch }));
  const chooseOwner = access.manageOwn && access.coordinatedNetworkId !== null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = item ? updateBody(values, item.updatedAt) : createBody(values, access.coordinatedNetworkId);
    const parsed = (item ? updateItemBody : createItemBody).safeParse(body);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setError(undefined);
    setBusy(true);
    try {
      const saved = item
        ? await api(itemPath(municipalityId, item.id), catalogueItem, { method: 'PATCH', body: parsed.data })
        : await api(itemsPath(municipalityId), catalogueItem, { method: 'POST', body: parsed.data });
      const state: ItemNotice = { notice: 'saved' };
      void navigate(`/learning/items/${saved.id}`, { state });
    } catch (err) {
      const apiError = asApiError(err);
      setErrors(serverFieldErrors(apiError));
      setError(apiError);
      setBusy(false);
      focusFirstInvalid(formRef.current);
    }
  };

  const reason = (error?.details as { reason?: string } | undefined)?.reason;
  return (
    <form ref={formRef} className="form" onSubmit={(e) => void submit(e)} noValidate>
      {error ? <ErrorAlert error={error} message={reason === 'STALE' ? t('catalogue.editor.stale') : error.code === 'VALIDATION' ? t('catalogue.editor.invalid') : undefined} /> : null}
      {item ? (
        <Paragraph>{t('catalogue.editor.kindIs', { kind: t(`catalogue.kinds.${item.kind}`) })}</Paragraph>
      ) : (
        <SelectField label={t('catalogue.editor.kind')} value={values.kind} onChange={(e) => change({ kind: e.target.value as ItemValues['kind'] })}>
          {LEARNING_ITEM_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`catalogue.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
      )}
      {!item && chooseOwner ? (
        <Fieldset>
          <Fieldset.Legend>{t('catalogue.editor.owner')}</Fieldset.Legend>
          <Radio name="owner" value="municipality" label={t('catalogue.item.ownerMunicipality')} checked={values.owner === 'municipality'} onChange={() => change({ owner: 'municipality' })} />
          <Radio name="owner" value="network" label={t('catalogue.editor.ownerNetwork')} checked={values.owner === 'network'} onChange={() => change({ owner: 'network' })} />
        </Fieldset>
      ) : null}
      <ItemTextFields values={values} errors={errors} onChange={change} />
      <Textfield
        label={t('catalogue.editor.duration')}
        description={t('catalogue.editor.durationHelp')}
        inputMode="numeric"
        value={values.durationMinutes}
        error={errors.durationMinutes}
        onChange={(e) => change({ durationMinutes: e.target.value })}
        autoComplete="off"
      />
      <ItemKindFields municipalityId={municipalityId} values={values} errors={errors} onChange={change} />
      <CompetenceTagPicker
        frameworks={frameworks}
        versionId={values.frameworkVersionId}
        tags={values.competences}
        errors={errors}
        onVersion={(frameworkVersionId) => change({ frameworkVersionId })}
        onTags={(competences) => change({ competences })}
      />
      <Switch label={t('catalogue.editor.certificate')} description={t('catalogue.editor.certificateHelp')} checked={values.certificateEnabled} onChange={(e) => change({ certificateEnabled: e.target.checked })} />
      {item ? (
        <SelectField label={t('catalogue.editor.status')} value={values.status} onChange={(e) => change({ status: e.target.value as ItemValues['status'] })}>
          {STATUS_TRANSITIONS[item.status].map((s) => (
            <option key={s} value={s}>
              {t(`catalogue.status.${s}`)}
            </option>
          ))}
        </SelectField>
      ) : (
        <Checkbox label={t('catalogue.editor.publishNow')} value="published" checked={values.status === 'published'} onChange={(e) => change({ status: e.target.checked ? 'published' : 'draft' })} />
      )}
      <div className="button-row">
        <Button type="submit" loading={busy} disabled={busy}>
          {item ? t('catalogue.editor.save') : t('catalogue.editor.create')}
        </Button>
        <Button variant="secondary" type="button" onClick={() => void navigate(item ? `/learning/items/${item.id}` : '/catalogue')}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

import { Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { packageListSchema } from '../../../../shared/api/packages';
import { useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SelectField } from '../../../components/SelectField';
import type { FieldErrors } from '../../../components/validation';
import { PACKAGE_FAMILY } from './catalogueApi';
import type { ItemValues } from './itemForm';

type Props = { municipalityId: string; values: ItemValues; errors: FieldErrors; onChange: (patch: Partial<ItemValues>) => void };

/** The one field a kind needs: a package (SCORM, cmi5), a web address (film, link) or an xAPI activity id. */
export function ItemKindFields({ municipalityId, values, errors, onChange }: Props) {
  const { t } = useTranslation();
  const family = PACKAGE_FAMILY[values.kind];
  const packages = useApi(family ? `/municipalities/${municipalityId}/packages` : null, packageListSchema);
  if (family) {
    const choices = (packages.data?.items ?? []).filter((p) => p.family === family);
    if (packages.error) return <ErrorAlert error={packages.error} title={t('catalogue.editor.packagesFailed')} />;
    return (
      <>
        <SelectField label={t('catalogue.editor.package')} value={values.packageId} error={errors.packageId} onChange={(e) => onChange({ packageId: e.target.value })}>
          <option value="">{t('catalogue.editor.choosePackage')}</option>
          {choices.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </SelectField>
        {packages.data && choices.length === 0 ? <Paragraph data-size="sm">{t('catalogue.editor.noPackages')}</Paragraph> : null}
      </>
    );
  }
  if (values.kind === 'video' || values.kind === 'link') {
    return (
      <Textfield
        label={values.kind === 'video' ? t('catalogue.editor.videoUrl') : t('catalogue.editor.linkUrl')}
        description={values.kind === 'video' ? t('catalogue.editor.videoUrlHelp') : undefined}
        type="url"
        inputMode="url"
        value={values.url}
        error={errors.url}
        onChange={(e) => onChange({ url: e.target.value })}
        autoComplete="off"
      />
    );
  }
  if (values.kind === 'xapi') {
    return (
      <Textfield
        label={t('catalogue.editor.activityId')}
        description={t('catalogue.editor.activityIdHelp')}
        value={values.xapiActivityId}
        error={errors.xapiActivityId}
        onChange={(e) => onChange({ xapiActivityId: e.target.value })}
        autoComplete="off"
      />
    );
  }
  return null;
}

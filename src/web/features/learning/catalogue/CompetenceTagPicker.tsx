import { Button, Fieldset, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { FrameworkSummary } from '../../../../shared/api/frameworks';
import { SelectField } from '../../../components/SelectField';
import type { FieldErrors } from '../../../components/validation';
import { useLocalize } from '../../../i18n/localize';
import { useFrameworkVersion } from '../../frameworks/frameworkApi';
import { useLevelLabel } from '../../frameworks/useLevelLabel';
import { groupByArea } from '../../role-profiles/requirements';
import type { TagValue } from './itemForm';

type Props = {
  frameworks: FrameworkSummary[];
  versionId: string;
  tags: TagValue[];
  errors: FieldErrors;
  onVersion: (versionId: string) => void;
  onTags: (tags: TagValue[]) => void;
};

/** The competences an item builds: a framework version, then competences from it, each with the level it brings a learner to. */
export function CompetenceTagPicker({ frameworks, versionId, tags, errors, onVersion, onTags }: Props) {
  const { t } = useTranslation();
  const { text } = useLocalize();
  const version = useFrameworkVersion(versionId || null);
  const levelLabel = useLevelLabel(version.data?.levels ?? []);
  const groups = version.data ? groupByArea(version.data) : [];
  const setTag = (i: number, patch: Partial<TagValue>) => onTags(tags.map((tag, j) => (j === i ? { ...tag, ...patch } : tag)));

  return (
    <Fieldset>
      <Fieldset.Legend>{t('catalogue.editor.competences')}</Fieldset.Legend>
      <Fieldset.Description>{t('catalogue.editor.competencesHelp')}</Fieldset.Description>
      <SelectField
        label={t('catalogue.editor.framework')}
        value={versionId}
        error={errors.frameworkVersionId}
        onChange={(e) => {
          onVersion(e.target.value);
          onTags([]);
        }}
      >
        <option value="">{t('catalogue.editor.noFramework')}</option>
        {frameworks.flatMap((f) =>
          f.versions.map((v) => (
            <option key={v.id} value={v.id}>
              {`${text(f.name) || f.key} ${v.version}`}
            </option>
          )),
        )}
      </SelectField>
      {version.data ? (
        <>
          {tags.length === 0 ? <Paragraph data-size="sm">{t('catalogue.editor.noTags')}</Paragraph> : null}
          <ul className="catalogue-tags">
            {tags.map((tag, i) => (
              <li key={i} className="catalogue-tag">
                <SelectField label={t('catalogue.editor.competence', { n: i + 1 })} value={tag.code} error={errors[`competences.${i}.code`]} onChange={(e) => setTag(i, { code: e.target.value })}>
                  <option value="">{t('catalogue.editor.chooseCompetence')}</option>
                  {groups.map(({ area, competences }) => (
                    <optgroup key={area.code} label={text(area.name) || area.code}>
                      {competences.map((c) => (
                        <option key={c.code} value={c.code}>
                          {`${text(c.name) || c.code} (${c.code})`}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </SelectField>
                <SelectField label={t('catalogue.editor.level', { n: i + 1 })} value={tag.level} error={errors[`competences.${i}.level`]} onChange={(e) => setTag(i, { level: e.target.value })}>
                  <option value="">{t('catalogue.editor.anyLevel')}</option>
                  {version.data!.levels.map((l) => (
                    <option key={l.level} value={String(l.level)}>
                      {levelLabel(l.level)}
                    </option>
                  ))}
                </SelectField>
                <Button variant="tertiary" data-size="sm" onClick={() => onTags(tags.filter((_, j) => j !== i))}>
                  {t('catalogue.editor.removeTag', { n: i + 1 })}
                </Button>
              </li>
            ))}
          </ul>
          <Button variant="secondary" data-size="sm" onClick={() => onTags([...tags, { code: '', level: '' }])}>
            {t('catalogue.editor.addTag')}
          </Button>
        </>
      ) : null}
      {errors.competences ? <ValidationMessage>{errors.competences}</ValidationMessage> : null}
    </Fieldset>
  );
}

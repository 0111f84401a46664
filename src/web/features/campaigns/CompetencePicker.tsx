import { Button, Checkbox, Fieldset, Paragraph, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkVersionDetail } from '../../../shared/api/frameworks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { LocalizedText } from '../../components/LocalizedText';
import { useLocalize } from '../../i18n/localize';
import { useFrameworkVersion } from '../frameworks/frameworkApi';

type Area = { code: string; name: FrameworkVersionDetail['areas'][number]['name']; competences: FrameworkVersionDetail['competences'] };

/** The version's areas in order, each with its competences (areas without any left out). */
function groupByArea(version: FrameworkVersionDetail): Area[] {
  return version.areas
    .map((a) => ({ code: a.code, name: a.name, competences: version.competences.filter((c) => c.areaCode === a.code) }))
    .filter((a) => a.competences.length > 0);
}

type Props = {
  versionId: string;
  /** null: all competences of the version. */
  value: string[] | null;
  onChange: (value: string[] | null) => void;
  /** Told the version's competence codes in order once they are loaded. */
  onCodes?: (codes: string[] | null) => void;
  error?: string | undefined;
};

/**
 * Which competences of the chosen framework version a campaign asks about:
 * all of them (the default) or a selection, area by area.
 */
export function CompetencePicker({ versionId, value, onChange, onCodes, error }: Props) {
  const { t } = useTranslation();
  const { text } = useLocalize();
  const id = useId();
  const version = useFrameworkVersion(versionId || null);
  const data = version.data?.id === versionId ? version.data : undefined;
  const areas = useMemo(() => (data ? groupByArea(data) : []), [data]);
  const all = useMemo(() => areas.flatMap((a) => a.competences.map((c) => c.code)), [areas]);
  useEffect(() => onCodes?.(data ? all : null), [data, all, onCodes]);

  if (!versionId) return null;
  if (version.error) return <ErrorAlert error={version.error} title={t('campaigns.competences.loadFailed')} />;
  if (!data) return <Loading />;

  const chosen = new Set(value ?? all);
  const set = (next: Set<string>) => onChange(all.filter((code) => next.has(code)));
  const toggleArea = (area: Area, on: boolean) => {
    const next = new Set(chosen);
    for (const c of area.competences) {
      if (on) next.add(c.code);
      else next.delete(c.code);
    }
    set(next);
  };

  return (
    <div className="competence-picker">
      <Fieldset>
        <Fieldset.Legend>{t('campaigns.fields.competences')}</Fieldset.Legend>
        <Radio
          name={`${id}-scope`}
          value="all"
          checked={value === null}
          onChange={() => onChange(null)}
          label={t('campaigns.competences.all', { total: all.length })}
          description={t('campaigns.allCompetences')}
        />
        <Radio
          name={`${id}-scope`}
          value="some"
          checked={value !== null}
          onChange={() => onChange([...all])}
          label={t('campaigns.competences.some')}
          description={t('campaigns.competences.someHelp')}
        />
      </Fieldset>
      {value !== null ? (
        <div className="competence-picker__areas">
          <Paragraph data-size="sm" role="status" aria-live="polite" id={`${id}-count`}>
            {t('campaigns.competences.chosen', { chosen: chosen.size, total: all.length })}
          </Paragraph>
          {areas.map((area) => {
            const inArea = area.competences.filter((c) => chosen.has(c.code)).length;
            const areaName = text(area.name) || area.code;
            return (
              <Fieldset key={area.code} className="competence-picker__area">
                <Fieldset.Legend>
                  <LocalizedText value={area.name} fallback={area.code} />
                </Fieldset.Legend>
                <Fieldset.Description>{t('campaigns.competences.areaChosen', { chosen: inArea, total: area.competences.length })}</Fieldset.Description>
                <div className="button-row competence-picker__area-actions">
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    aria-label={t('campaigns.competences.selectAllIn', { area: areaName })}
                    onClick={() => toggleArea(area, true)}
                  >
                    {t('campaigns.competences.selectAll')}
                  </Button>
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    aria-label={t('campaigns.competences.selectNoneIn', { area: areaName })}
                    onClick={() => toggleArea(area, false)}
                  >
                    {t('campaigns.competences.selectNone')}
                  </Button>
                </div>
                {area.competences.map((c) => (
                  <Checkbox
                    key={c.code}
                    value={c.code}
                    checked={chosen.has(c.code)}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(c.code);
                      else next.delete(c.code);
                      set(next);
                    }}
                    label={<LocalizedText value={c.name} fallback={c.code} />}
                  />
                ))}
              </Fieldset>
            );
          })}
        </div>
      ) : null}
      {error ? <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage> : null}
    </div>
  );
}

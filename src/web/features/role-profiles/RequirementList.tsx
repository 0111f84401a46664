import { Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { FrameworkVersionDetail } from '../../../shared/api/frameworks';
import { LocalizedText } from '../../components/LocalizedText';
import { useLevelLabel } from '../frameworks/useLevelLabel';
import { LevelBar } from './LevelBar';
import { groupByArea, type LevelMap } from './requirements';

type Props = {
  version: FrameworkVersionDetail;
  levels: LevelMap;
  /** Omit for a read-only view. */
  onChange?: (code: string, level: number | null) => void;
  disabled?: boolean;
};

/**
 * Every competence of the framework version under its area, with the required
 * level: a select when editing, text when reading, and a bar either way.
 */
export function RequirementList({ version, levels, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const levelLabel = useLevelLabel(version.levels);
  const scale = [...version.levels].sort((a, b) => a.level - b.level);
  const max = scale.reduce((m, l) => Math.max(m, l.level), 0);
  const groups = groupByArea(version);

  return (
    <div className="requirement-areas">
      {groups.map(({ area, competences }) => {
        const headingId = `requirements-area-${area.code}`;
        const required = competences.filter((c) => levels[c.code] !== undefined).length;
        return (
          <section key={area.code} aria-labelledby={headingId} className="requirement-area" data-testid="requirement-area">
            <div className="requirement-area__heading">
              <Heading level={3} data-size="xs" id={headingId}>
                <LocalizedText value={area.name} fallback={area.code} />
              </Heading>
              <Paragraph data-size="sm" className="muted">
                {t('roleProfiles.editor.areaSummary', { count: required, total: competences.length })}
              </Paragraph>
            </div>
            <ul className="requirement-list">
              {competences.map((c) => {
                const level = levels[c.code] ?? null;
                const selectId = `level-${c.code}`;
                const codeId = `level-${c.code}-code`;
                return (
                  <li key={c.code} className="requirement" data-code={c.code} data-level={level ?? 0}>
                    <div className="requirement__label">
                      {onChange ? (
                        <Label htmlFor={selectId} data-size="sm">
                          <LocalizedText value={c.name} fallback={c.code} />
                        </Label>
                      ) : (
                        <span className="requirement__name">
                          <LocalizedText value={c.name} fallback={c.code} />
                        </span>
                      )}
                      <span id={codeId} className="muted requirement__code">
                        {c.code}
                      </span>
                    </div>
                    <div className="requirement__level">
                      {onChange ? (
                        <Select
                          id={selectId}
                          aria-describedby={codeId}
                          data-size="sm"
                          value={level === null ? '' : String(level)}
                          disabled={disabled}
                          onChange={(e) => onChange(c.code, e.target.value === '' ? null : Number(e.target.value))}
                        >
                          <Select.Option value="">{t('roleProfiles.editor.notRequired')}</Select.Option>
                          {scale.map((l) => (
                            <Select.Option key={l.level} value={String(l.level)}>
                              {levelLabel(l.level)}
                            </Select.Option>
                          ))}
                        </Select>
                      ) : (
                        <span className="requirement__value">{level === null ? t('roleProfiles.editor.notRequiredText') : levelLabel(level)}</span>
                      )}
                      <LevelBar level={level} max={max} />
                    </div>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

import { Button, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogueCompetences, ITEM_STATUSES, LEARNING_ITEM_KINDS } from '../../../../shared/api/learning';
import { LANGUAGES } from '../../../../shared/domain';
import { useApi } from '../../../api/useApi';
import { SelectField } from '../../../components/SelectField';
import { competencesPath } from './catalogueApi';
import { type Filters, hasFilters, LENGTHS } from './catalogueFilters';

type Props = { municipalityId: string; filters: Filters; seesUnpublished: boolean; onChange: (next: Filters) => void };

/** Search box and filters; a new choice starts again from the first page. */
export function CatalogueFilters({ municipalityId, filters, seesUnpublished, onChange }: Props) {
  const { t } = useTranslation();
  const competences = useApi(competencesPath(municipalityId), catalogueCompetences);
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch, page: 1 });
  const search = (e: FormEvent) => {
    e.preventDefault();
    set({ q: q.trim() });
  };

  return (
    <div className="catalogue-filters">
      <form role="search" className="catalogue-search" onSubmit={search}>
        <Textfield label={t('catalogue.filters.search')} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
        <Button type="submit" variant="secondary">
          {t('catalogue.filters.searchButton')}
        </Button>
      </form>
      <div className="catalogue-filters__grid">
        <SelectField label={t('catalogue.filters.kind')} value={filters.kind} onChange={(e) => set({ kind: e.target.value as Filters['kind'] })}>
          <option value="">{t('catalogue.filters.allKinds')}</option>
          {LEARNING_ITEM_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`catalogue.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('catalogue.filters.competence')} value={filters.competence} onChange={(e) => set({ competence: e.target.value })}>
          <option value="">{t('catalogue.filters.allCompetences')}</option>
          {(competences.data?.items ?? []).map((c) => (
            <option key={c.code} value={c.code}>
              {c.name ? `${c.name} (${c.code})` : c.code}
            </option>
          ))}
          {filters.competence && !competences.data?.items.some((c) => c.code === filters.competence) ? <option value={filters.competence}>{filters.competence}</option> : null}
        </SelectField>
        <SelectField label={t('catalogue.filters.language')} value={filters.language} onChange={(e) => set({ language: e.target.value as Filters['language'] })}>
          <option value="">{t('catalogue.filters.allLanguages')}</option>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('catalogue.filters.length')} value={filters.length} onChange={(e) => set({ length: e.target.value as Filters['length'] })}>
          <option value="">{t('catalogue.filters.anyLength')}</option>
          {LENGTHS.map((l) => (
            <option key={l} value={l}>
              {t(`catalogue.filters.lengths.${l}`)}
            </option>
          ))}
        </SelectField>
        {seesUnpublished ? (
          <SelectField label={t('catalogue.filters.status')} value={filters.status} onChange={(e) => set({ status: e.target.value as Filters['status'] })}>
            <option value="">{t('catalogue.filters.currentStatuses')}</option>
            {ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`catalogue.status.${s}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      {hasFilters(filters) ? (
        <Button variant="tertiary" data-size="sm" onClick={() => onChange({ q: '', kind: '', competence: '', language: '', length: '', status: '', page: 1 })}>
          {t('catalogue.filters.clear')}
        </Button>
      ) : null}
    </div>
  );
}

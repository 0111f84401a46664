import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { EXPORT_FORMATS } from '../../../shared/api/results';
import { PROFESSIONS, type Profession } from '../../../shared/domain';
import { buildUrl } from '../../api/client';

export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ResultsFilter = { unitId: string | null; profession: Profession | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const campaignResultsPath = (municipalityId: string, campaignId: string) =>
  `/municipalities/${municipalityId}/campaigns/${campaignId}/results`;

/** The download address of the results file with the current filters. */
export function exportHref(municipalityId: string, campaignId: string, format: ExportFormat, filter: ResultsFilter, lang: string): string {
  return buildUrl(`${campaignResultsPath(municipalityId, campaignId)}/export`, {
    format,
    unitId: filter.unitId,
    profession: filter.profession,
    lang,
  });
}

/** Unit and profession filters kept in the address (?unitId=…&profession=…), so a view can be shared or reloaded. */
export function useResultsFilter(): [ResultsFilter, (next: Partial<ResultsFilter>) => void, URLSearchParams] {
  const [params, setParams] = useSearchParams();
  const unitParam = params.get('unitId');
  const professionParam = params.get('profession');
  const filter = useMemo<ResultsFilter>(
    () => ({
      unitId: unitParam && UUID.test(unitParam) ? unitParam : null,
      profession: (PROFESSIONS as readonly string[]).includes(professionParam ?? '') ? (professionParam as Profession) : null,
    }),
    [unitParam, professionParam],
  );
  const update = (next: Partial<ResultsFilter>) => {
    const merged = { ...filter, ...next };
    const out = new URLSearchParams(params);
    for (const [key, value] of Object.entries(merged)) {
      if (value) out.set(key, value);
      else out.delete(key);
    }
    setParams(out, { replace: true });
  };
  return [filter, update, params];
}

import { ITEM_STATUSES, LEARNING_ITEM_KINDS, type ItemStatus, type LearningItemKind } from '../../../../shared/api/learning';
import { LANGUAGES, type Language } from '../../../../shared/domain';

// The catalogue's filters live in the address (?q=…&kind=…), so a search can
// be shared, bookmarked and survives going back from an item.

export const LENGTHS = ['short', 'medium', 'long'] as const;
export type Length = (typeof LENGTHS)[number];
/** Minutes per length choice: short ≤ 15, medium 16–60, long > 60. */
const LENGTH_RANGE: Record<Length, { minMinutes?: number; maxMinutes?: number }> = {
  short: { maxMinutes: 15 },
  medium: { minMinutes: 16, maxMinutes: 60 },
  long: { minMinutes: 61 },
};

export type Filters = {
  q: string;
  kind: LearningItemKind | '';
  competence: string;
  language: Language | '';
  length: Length | '';
  status: ItemStatus | '';
  page: number;
};

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | '' => (value && (list as readonly string[]).includes(value) ? (value as T) : '');

export function filtersFrom(params: URLSearchParams): Filters {
  const page = Number(params.get('page'));
  return {
    q: params.get('q') ?? '',
    kind: oneOf(LEARNING_ITEM_KINDS, params.get('kind')),
    competence: params.get('competence') ?? '',
    language: oneOf(LANGUAGES, params.get('language')),
    length: oneOf(LENGTHS, params.get('length')),
    status: oneOf(ITEM_STATUSES, params.get('status')),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function paramsFrom(f: Filters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['q', 'kind', 'competence', 'language', 'length', 'status'] as const) if (f[key]) out[key] = f[key];
  if (f.page > 1) out.page = String(f.page);
  return out;
}

/** The API query for the filters. */
export function apiQuery(f: Filters, lang: Language, pageSize: number) {
  return {
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.competence ? { competence: f.competence } : {}),
    ...(f.language ? { language: f.language } : {}),
    ...(f.length ? LENGTH_RANGE[f.length] : {}),
    ...(f.status ? { status: f.status } : {}),
    lang,
    page: f.page,
    pageSize,
  };
}

export const hasFilters = (f: Filters) => Boolean(f.q || f.kind || f.competence || f.language || f.length || f.status);

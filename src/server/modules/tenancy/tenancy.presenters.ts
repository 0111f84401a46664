import type { Municipality, Network, Unit } from '../../../shared/api/tenancy.js';

type MunicipalityRow = {
  id: string;
  network_id: string | null;
  country: string;
  code: string;
  name: string;
  population: number;
  size_class: string;
  default_language: string;
  anonymity_threshold: number;
  /** Present when the query selected it. */
  share_national_benchmarks?: boolean;
};

export const presentMunicipality = (m: MunicipalityRow): Municipality => ({
  id: m.id,
  networkId: m.network_id,
  country: m.country as Municipality['country'],
  code: m.code,
  name: m.name,
  population: m.population,
  sizeClass: m.size_class as Municipality['sizeClass'],
  defaultLanguage: m.default_language as Municipality['defaultLanguage'],
  anonymityThreshold: m.anonymity_threshold,
  ...(m.share_national_benchmarks === undefined ? {} : { shareNationalBenchmarks: m.share_national_benchmarks }),
});

export const presentNetwork = (n: { id: string; name: string; slug: string; municipality_count: number }): Network => ({
  id: n.id,
  name: n.name,
  slug: n.slug,
  municipalityCount: Number(n.municipality_count),
});

export const presentUnit = (u: { id: string; municipality_id: string; parent_id: string | null; code: string | null; name: string; kind: string; member_count?: number }): Unit => ({
  id: u.id,
  municipalityId: u.municipality_id,
  parentId: u.parent_id,
  code: u.code,
  name: u.name,
  kind: u.kind as Unit['kind'],
  memberCount: Number(u.member_count ?? 0),
});

import { COUNTRIES, SIZE_CLASSES, type Country, type SizeClass } from '../../../shared/domain.js';
import type { BenchmarkGroup } from '../../../shared/api/results.js';
import { SCALES, findLeaderSurveyItem } from '../mapping/question-bank/question-bank.js';

// Comparison groups, which of their figures may be shown, and the pooled
// figures themselves. Pure: the service reads benchmark_contributions and the
// municipalities, this decides. See README.md for the rules and why.

/** One municipality's whole-campaign aggregate for one competence or survey item. */
export type Contribution = {
  municipalityId: string;
  campaignId: string;
  code: string;
  respondents: number;
  answered: number;
  /** Respondents per level 1..n (competences) or per option of the item's scale, in scale order. */
  counts: number[];
  closedAt: Date;
};

export type MunicipalityMeta = { id: string; networkId: string | null; country: string; sizeClass: string; sharesNationally: boolean };

export type GroupDef = {
  key: string;
  kind: BenchmarkGroup;
  label: string;
  country: Country | null;
  sizeClass: SizeClass | null;
  networkId: string | null;
  members: ReadonlySet<string>;
};

export const networkKey = (networkId: string) => `network:${networkId}`;
export const countryKey = (country: string) => `country:${country}`;
export const sizeClassKey = (country: string, sizeClass: string) => `size_class:${country}:${sizeClass}`;

/**
 * Every comparison group there is: each network with all its members (being in
 * a network means comparing within it), each country and each size class
 * within a country with the municipalities that chose to share nationally.
 */
export function candidateGroups(municipalities: readonly MunicipalityMeta[], networks: readonly { id: string; name: string }[]): GroupDef[] {
  const groups: GroupDef[] = [];
  for (const n of networks) {
    groups.push({ key: networkKey(n.id), kind: 'network', label: n.name, country: null, sizeClass: null, networkId: n.id, members: new Set(municipalities.filter((m) => m.networkId === n.id).map((m) => m.id)) });
  }
  const sharing = municipalities.filter((m) => m.sharesNationally);
  for (const country of COUNTRIES) {
    const inCountry = sharing.filter((m) => m.country === country);
    groups.push({ key: countryKey(country), kind: 'country', label: country, country, sizeClass: null, networkId: null, members: new Set(inCountry.map((m) => m.id)) });
    for (const sizeClass of SIZE_CLASSES) {
      groups.push({
        key: sizeClassKey(country, sizeClass),
        kind: 'size_class',
        label: sizeClass,
        country,
        sizeClass,
        networkId: null,
        members: new Set(inCountry.filter((m) => m.sizeClass === sizeClass).map((m) => m.id)),
      });
    }
  }
  return groups;
}

/** Per group and code: the contributing municipalities, and whether the figure may be published at all. */
export type Publication = Map<string, Map<string, { contributors: ReadonlySet<string>; published: boolean }>>;

const isSubset = (small: ReadonlySet<string>, large: ReadonlySet<string>) => {
  for (const x of small) if (!large.has(x)) return false;
  return true;
};

/**
 * Which group figures may be shown to anyone, per code (a campaign may have
 * asked only some competences, so contributors differ by code):
 * 1. at least `min` municipalities contribute;
 * 2. within a country, the size classes that are suppressed together hold none
 *    or at least `min` municipalities, else the country figure minus the shown
 *    size classes would give them away: the smallest shown class is suppressed
 *    too, until that holds;
 * 3. for any two shown groups where one's contributors are a strict subset of
 *    the other's, the difference is at least `min` municipalities, else the
 *    smaller group is suppressed (a network inside a country, a size class
 *    inside a country).
 * The result is the same for every viewer, so comparing what two viewers see
 * yields only differences these rules already allow.
 */
export function publication(groups: readonly GroupDef[], contributorsByCode: ReadonlyMap<string, ReadonlySet<string>>, min: number): Publication {
  const out: Publication = new Map(groups.map((g) => [g.key, new Map()]));
  for (const [code, contributors] of contributorsByCode) {
    const sets = new Map<string, Set<string>>();
    const published = new Map<string, boolean>();
    for (const g of groups) {
      const s = new Set<string>();
      for (const m of g.members) if (contributors.has(m)) s.add(m);
      sets.set(g.key, s);
      published.set(g.key, s.size >= min);
    }
    const shown = () => groups.filter((g) => published.get(g.key));
    for (let changed = true; changed; ) {
      changed = false;
      for (const country of groups.filter((g) => g.kind === 'country' && published.get(g.key))) {
        const classes = groups.filter((g) => g.kind === 'size_class' && g.country === country.country);
        const hidden = classes.filter((c) => !published.get(c.key)).reduce((n, c) => n + sets.get(c.key)!.size, 0);
        if (hidden > 0 && hidden < min) {
          const next = classes.filter((c) => published.get(c.key)).sort((a, b) => sets.get(a.key)!.size - sets.get(b.key)!.size || a.key.localeCompare(b.key))[0];
          if (next) {
            published.set(next.key, false);
            changed = true;
          }
        }
      }
      const list = shown();
      for (const a of list) {
        if (!published.get(a.key)) continue;
        const sa = sets.get(a.key)!;
        for (const b of list) {
          const sb = sets.get(b.key)!;
          if (a === b || !published.get(b.key) || sb.size >= sa.size || sa.size - sb.size >= min) continue;
          if (isSubset(sb, sa)) {
            published.set(b.key, false);
            changed = true;
          }
        }
      }
    }
    for (const g of groups) out.get(g.key)!.set(code, { contributors: sets.get(g.key)!, published: published.get(g.key)! });
  }
  return out;
}

export type Figure = {
  code: string;
  average: number | null;
  share: number | null;
  respondents: number | null;
  municipalities?: number | null;
  options?: { code: string; share: number | null }[];
};

const round = (x: number) => Math.round(x * 1000) / 1000;
const ratio = (n: number, d: number) => (d > 0 ? round(n / d) : null);

/** Sums counts index by index: the respondents of every municipality pooled, not an average of averages. */
function pool(rows: readonly Contribution[]) {
  const counts: number[] = [];
  let respondents = 0;
  let answered = 0;
  for (const r of rows) {
    respondents += r.respondents;
    answered += r.answered;
    r.counts.forEach((c, i) => (counts[i] = (counts[i] ?? 0) + c));
  }
  return { counts: Array.from(counts, (c) => c ?? 0), respondents, answered };
}

/** A competence: mean level over those who chose a level. */
export function competenceFigure(code: string, rows: readonly Contribution[]): Figure {
  const { counts, respondents } = pool(rows);
  const n = counts.reduce((s, c) => s + c, 0);
  const sum = counts.reduce((s, c, i) => s + c * (i + 1), 0);
  return { code, average: ratio(sum, n), share: null, respondents };
}

/**
 * A leader-survey item: agree5 → mean on 1–5 and the share agreeing (agree or
 * strongly agree); yes_no_unsure → the share answering yes; multi_select → the
 * share choosing each option (no single average or share).
 */
export function surveyFigure(code: string, rows: readonly Contribution[]): Figure {
  const item = findLeaderSurveyItem(code);
  const { counts, respondents, answered } = pool(rows);
  const count = (i: number) => (i >= 0 ? (counts[i] ?? 0) : 0);
  if (!item) return { code, average: null, share: null, respondents };
  if (item.scale === 'agree5') {
    const options = SCALES.agree5.options;
    const n = options.reduce((s, _o, i) => s + count(i), 0);
    const sum = options.reduce((s, o, i) => s + count(i) * (o.value ?? i + 1), 0);
    const agreeing = count(options.findIndex((o) => o.code === 'agree')) + count(options.findIndex((o) => o.code === 'strongly_agree'));
    return { code, average: ratio(sum, n), share: ratio(agreeing, answered), respondents };
  }
  if (item.scale === 'yes_no_unsure') {
    return { code, average: null, share: ratio(count(SCALES.yes_no_unsure.options.findIndex((o) => o.code === 'yes')), answered), respondents };
  }
  return { code, average: null, share: null, respondents, options: (item.options ?? []).map((o, i) => ({ code: o.code, share: ratio(count(i), answered) })) };
}

export const suppressedFigure = (code: string, kind: 'competence' | 'survey_item'): Figure => {
  const item = kind === 'survey_item' ? findLeaderSurveyItem(code) : undefined;
  return {
    code,
    average: null,
    share: null,
    respondents: null,
    municipalities: null,
    ...(item?.scale === 'multi_select' ? { options: (item.options ?? []).map((o) => ({ code: o.code, share: null })) } : {}),
  };
};

/** Contributions by code, then by municipality (one campaign per municipality). */
export type ContributionIndex = ReadonlyMap<string, ReadonlyMap<string, Contribution>>;

export function indexContributions(rows: readonly Contribution[]): Map<string, Map<string, Contribution>> {
  const index = new Map<string, Map<string, Contribution>>();
  for (const r of rows) {
    const byMunicipality = index.get(r.code) ?? new Map<string, Contribution>();
    byMunicipality.set(r.municipalityId, r);
    index.set(r.code, byMunicipality);
  }
  return index;
}

export const contributorsByCode = (index: ContributionIndex) => new Map([...index].map(([code, byMunicipality]) => [code, new Set(byMunicipality.keys())]));

/**
 * One group's figures as a viewer sees them. A figure is shown when it is
 * published (see `publication`) and, for a municipality looking at a group it
 * belongs to, when at least `min` municipalities other than itself contribute:
 * the viewer knows its own figures, so the group minus its own must still be
 * `min` municipalities.
 */
export function renderGroup(
  group: GroupDef,
  pub: Publication,
  index: ContributionIndex,
  codes: readonly string[],
  kind: 'competence' | 'survey_item',
  min: number,
  viewer: string | null,
): { figures: Figure[]; municipalities: number | null; suppressed: boolean } {
  const contributing = new Set<string>();
  let shownAny = false;
  const figures = codes.map((code) => {
    const entry = pub.get(group.key)?.get(code);
    if (!entry) return suppressedFigure(code, kind);
    for (const m of entry.contributors) contributing.add(m);
    const others = entry.contributors.size - (viewer && entry.contributors.has(viewer) ? 1 : 0);
    if (!entry.published || others < min) return suppressedFigure(code, kind);
    shownAny = true;
    const byMunicipality = index.get(code)!;
    const rows = [...entry.contributors].map((m) => byMunicipality.get(m)!);
    const figure = kind === 'competence' ? competenceFigure(code, rows) : surveyFigure(code, rows);
    return { ...figure, municipalities: entry.contributors.size };
  });
  return { figures, municipalities: shownAny ? contributing.size : null, suppressed: !shownAny };
}

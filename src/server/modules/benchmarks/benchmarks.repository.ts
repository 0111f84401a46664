import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { TenantTx } from '../../db/tenant.js';
import type { Contribution, MunicipalityMeta } from './compute.js';

// benchmark_contributions, municipalities, networks and the framework library
// are global tables: read with the owning role (no tenant transaction), as
// comparisons are by nature across municipalities. Only aggregates leave the
// service.

type Row = { municipality_id: string; kind: 'competence' | 'survey_item'; campaign_id: string; closed_at: Date | string; rows: [string, number, number, number[]][] };

/**
 * Each municipality's rows from its latest closed campaign (by closed_at) that
 * has contributions of the kind on the framework, for both kinds in one read.
 * Survey items are the same question bank under every framework, so a survey
 * row without a framework counts for every framework. One row per municipality
 * and kind, its contributions folded into JSON: on the embedded database every
 * result row costs a hop from the worker thread, and this is the national query
 * (400 municipalities × 21 competences and 20 survey items).
 */
export async function latestContributions(db: Kysely<DB>, frameworkId: string): Promise<{ competence: Contribution[]; survey_item: Contribution[] }> {
  const { rows } = await sql<Row>`
    with latest as (
      select distinct on (l.municipality_id, l.kind) l.municipality_id, l.kind, l.campaign_id, l.closed_at
      from benchmark_contributions l
      where (l.kind = 'competence' and l.framework_id = ${frameworkId})
         or (l.kind = 'survey_item' and (l.framework_id = ${frameworkId} or l.framework_id is null))
      order by l.municipality_id, l.kind, l.closed_at desc, l.campaign_id desc)
    select latest.municipality_id, latest.kind, latest.campaign_id, latest.closed_at,
      json_agg(json_build_array(b.code, b.respondents, b.answered, b.counts)) as rows
    from latest
    join benchmark_contributions b on b.municipality_id = latest.municipality_id and b.campaign_id = latest.campaign_id and b.kind = latest.kind
    group by latest.municipality_id, latest.kind, latest.campaign_id, latest.closed_at`.execute(db);
  const out = { competence: [] as Contribution[], survey_item: [] as Contribution[] };
  for (const r of rows) {
    const closedAt = new Date(r.closed_at);
    const list = typeof r.rows === 'string' ? (JSON.parse(r.rows) as Row['rows']) : r.rows;
    for (const [code, respondents, answered, counts] of list) {
      out[r.kind].push({ municipalityId: r.municipality_id, campaignId: r.campaign_id, code, respondents: Number(respondents), answered: Number(answered), counts: (counts ?? []).map(Number), closedAt });
    }
  }
  return out;
}

/**
 * Changes whenever anything a comparison is built from changes: contributions
 * are only ever added (or removed with their municipality); of municipalities,
 * what groups are made of (network, country, size class, sharing) is hashed.
 */
export async function poolStamp(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ stamp: string }>`
    select concat_ws('|',
      (select count(*) from benchmark_contributions), (select max(closed_at) from benchmark_contributions),
      (select md5(string_agg(concat_ws(',', id, network_id, country, size_class, share_national_benchmarks), ';' order by id)) from municipalities),
      (select count(*) from networks), (select max(updated_at) from networks)) as stamp`.execute(db);
  return rows[0]!.stamp;
}

export async function municipalityMeta(db: Kysely<DB>): Promise<MunicipalityMeta[]> {
  const rows = await db.selectFrom('municipalities').select(['id', 'network_id', 'country', 'size_class', 'share_national_benchmarks']).execute();
  return rows.map((m) => ({ id: m.id, networkId: m.network_id, country: m.country, sizeClass: m.size_class, sharesNationally: m.share_national_benchmarks }));
}

export function networks(db: Kysely<DB>) {
  return db.selectFrom('networks').select(['id', 'name']).orderBy('name').orderBy('id').execute();
}

export function findFramework(db: Kysely<DB>, frameworkId: string) {
  return db.selectFrom('frameworks').select(['id', 'key', 'name']).where('id', '=', frameworkId).executeTakeFirst();
}

/** Competence names and positions in every version of the framework (the newest version that has a code names it). */
export function frameworkCompetences(db: Kysely<DB>, frameworkId: string) {
  return db
    .selectFrom('framework_competences as c')
    .innerJoin('framework_versions as v', 'v.id', 'c.version_id')
    .innerJoin('framework_areas as a', (j) => j.onRef('a.version_id', '=', 'c.version_id').onRef('a.code', '=', 'c.area_code'))
    .select(['c.code', 'c.name', 'c.position', 'a.position as area_position', 'v.version'])
    .where('v.framework_id', '=', frameworkId)
    .execute();
}

/** The framework the most recent contribution (of any municipality) is on: the analysts' default. */
export async function latestContributedFramework(db: Kysely<DB>): Promise<string | null> {
  const row = await db
    .selectFrom('benchmark_contributions')
    .select('framework_id')
    .where('kind', '=', 'competence')
    .where('framework_id', 'is not', null)
    .orderBy('closed_at', 'desc')
    .orderBy('campaign_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.framework_id ?? null;
}

// ——— in the municipality's own tenant transaction ———

/** The framework of the municipality's latest closed campaign (published, and closed by hand or by its date). */
export async function latestClosedCampaignFramework(tx: TenantTx, municipalityId: string): Promise<string | null> {
  const row = await tx
    .selectFrom('campaigns as c')
    .innerJoin('framework_versions as v', 'v.id', 'c.framework_version_id')
    .select('v.framework_id')
    .where('c.municipality_id', '=', municipalityId)
    .where('c.published_at', 'is not', null)
    .where((eb) => eb.or([eb('c.closed_at', 'is not', null), eb('c.closes_at', '<=', new Date())]))
    .orderBy(sql`coalesce(c.closed_at, c.closes_at)`, 'desc')
    .orderBy('c.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.framework_id ?? null;
}

export function campaignNames(tx: TenantTx, municipalityId: string, campaignIds: string[]) {
  if (campaignIds.length === 0) return Promise.resolve([]);
  return tx.selectFrom('campaigns').select(['id', 'name']).where('municipality_id', '=', municipalityId).where('id', 'in', campaignIds).execute();
}

export async function sharing(tx: TenantTx, municipalityId: string): Promise<{ share_national_benchmarks: boolean; default_language: string }> {
  return tx.selectFrom('municipalities').select(['share_national_benchmarks', 'default_language']).where('id', '=', municipalityId).executeTakeFirstOrThrow();
}

export async function setSharing(tx: TenantTx, municipalityId: string, share: boolean) {
  await tx.updateTable('municipalities').set({ share_national_benchmarks: share, updated_at: new Date() }).where('id', '=', municipalityId).execute();
}

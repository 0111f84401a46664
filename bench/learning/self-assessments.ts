import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';

// "My learning" recommends items for what the person's latest identified
// self-assessment shows they lack (modules/learning/assignments/
// recommendations.ts), so every municipality gets one closed identified
// campaign on the first 21 competences, answered by about 70 % of its
// employees: levels 1–4 and "wants training" by hash, as in the mapping
// scenario. Invitations are left out: neither measured endpoint reads them.

export const SELF_ASSESSED_COMPETENCES = 21;

export async function seedIdentifiedSelfAssessments(db: Kysely<DB>, versionId: string, codes: string[]): Promise<void> {
  const competences = codes.slice(0, SELF_ASSESSED_COMPETENCES);
  await sql`insert into campaigns (municipality_id, name, framework_version_id, competence_codes, mode, instruments, opens_at, closes_at, published_at, closed_at, created_at, updated_at)
    select p.municipality_id, 'Kartlegging med navn', ${versionId}::uuid, ${competences}::text[], 'identified', array['self_assessment'],
      now() - interval '130 days', now() - interval '100 days', now() - interval '130 days', now() - interval '100 days', now() - interval '137 days', now() - interval '100 days'
    from bench_plan p`.execute(db);
  await sql`insert into identified_responses (municipality_id, campaign_id, person_id, unit_id, profession, submitted_at)
    select pe.municipality_id, c.id, pe.id, pu.unit_id, pe.profession, now() - interval '100 days' - (abs(hashtext(pe.id::text)) % 30) * interval '1 day'
    from persons pe join campaigns c on c.municipality_id = pe.municipality_id and c.mode = 'identified'
    join person_units pu on pu.municipality_id = pe.municipality_id and pu.person_id = pe.id and pu.is_primary
    where abs(hashtext(pe.id::text)) % 100 < 70`.execute(db);
  await sql`insert into identified_answers (municipality_id, campaign_id, person_id, competence_code, level, wants_training)
    select r.municipality_id, r.campaign_id, r.person_id, q.code,
      case when x % 100 < 15 then 1 when x % 100 < 45 then 2 when x % 100 < 82 then 3 else 4 end, (x / 100) % 100 < 15
    from identified_responses r cross join unnest(${competences}::text[]) as q(code)
    cross join lateral (select abs(hashtext(r.person_id::text || q.code)) as x) h`.execute(db);
}

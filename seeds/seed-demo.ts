import { sql, type Kysely, type Transaction } from 'kysely';
import { loadConfig, type Config } from '../src/server/config.js';
import type { DB } from '../src/server/db/schema.js';
import { hashPassword } from '../src/server/modules/auth/password.js';
import { recordAudit, SYSTEM_ACTOR } from '../src/server/modules/audit/audit.repository.js';
import { buildDemoScenario } from './demo/demo-scenario.js';
import type { DemoGrant, DemoMunicipality } from './demo/demo-types.js';
import { seedDemoCampaigns } from './seed-demo-campaigns.js';
import { seedDemoLearning } from './seed-demo-learning.js';

const ZERO = '00000000-0000-0000-0000-000000000000';
type Ids = { network: string; municipalities: Map<string, string>; units: Map<string, string>; persons: Map<string, string> };

/**
 * Writes the demo scenario. Idempotent: everything is matched by its natural
 * key (network slug, municipality code, unit code, employee number, e-mail),
 * so running it again adds what is missing and changes nothing else; a
 * municipality that has campaigns gets no new ones.
 *
 * People and logins go in one transaction; then role profiles, the completed
 * campaigns (dated relative to `now`) and their results through the
 * application's own code (seed-demo-campaigns.ts); then the learning
 * catalogue, assignments and a year of completions (seed-demo-learning.ts),
 * whose SCORM packages are stored under `config`'s data folder or bucket.
 */
export async function seedDemo(db: Kysely<DB>, options: { now?: Date; config?: Config } = {}): Promise<{ created: boolean }> {
  const scenario = buildDemoScenario();
  const existed = await db.selectFrom('networks').select('id').where('slug', '=', scenario.network.slug).executeTakeFirst();
  const hashes = new Map<string, string>();
  for (const a of scenario.accounts) if (!hashes.has(a.password)) hashes.set(a.password, await hashPassword(a.password));

  const ids = await db.transaction().execute(async (tx) => {
    const network =
      existed ?? (await tx.insertInto('networks').values(scenario.network).returning('id').executeTakeFirstOrThrow());
    const ids: Ids = { network: network.id, municipalities: new Map(), units: new Map(), persons: new Map() };
    for (const m of scenario.municipalities) await seedMunicipality(tx, m, ids, ids.network);
    // Outside the network: they only feed national comparisons.
    for (const m of scenario.benchmarkMunicipalities) await seedMunicipality(tx, m, ids, null);
    for (const account of scenario.accounts) {
      const user =
        (await tx.selectFrom('users').select('id').where(sql<string>`lower(email)`, '=', account.email.toLowerCase()).executeTakeFirst()) ??
        (await tx
          .insertInto('users')
          .values({ email: account.email, display_name: account.displayName, password_hash: hashes.get(account.password)!, preferred_language: account.preferredLanguage })
          .returning('id')
          .executeTakeFirstOrThrow());
      if (account.employeeNumber && account.municipalityCode) {
        const personId = ids.persons.get(`${account.municipalityCode}/${account.employeeNumber}`);
        if (personId) await tx.updateTable('persons').set({ user_id: user.id }).where('id', '=', personId).where('user_id', 'is', null).execute();
      }
      for (const grant of account.grants) await seedGrant(tx, user.id, grant, ids);
    }
    return ids;
  });
  const now = options.now ?? new Date();
  await seedDemoCampaigns(db, scenario, ids, now);
  await seedDemoLearning(db, scenario, ids, now, options.config ?? loadConfig());
  return { created: !existed };
}

async function seedMunicipality(tx: Transaction<DB>, m: DemoMunicipality, ids: Ids, networkId: string | null) {
  // Every demo municipality shares its results for national comparisons.
  const muni =
    (await tx.selectFrom('municipalities').select('id').where('country', '=', m.country).where('code', '=', m.code).executeTakeFirst()) ??
    (await tx
      .insertInto('municipalities')
      .values({ country: m.country, code: m.code, name: m.name, population: m.population, network_id: networkId, share_national_benchmarks: true })
      .returning('id')
      .executeTakeFirstOrThrow());
  const mid = muni.id;
  ids.municipalities.set(m.code, mid);
  for (const u of m.units) {
    // Parents come before children in the scenario.
    const parentId = u.parentCode ? ids.units.get(`${m.code}/${u.parentCode}`) ?? null : null;
    const unit =
      (await tx.selectFrom('units').select('id').where('municipality_id', '=', mid).where('code', '=', u.code).executeTakeFirst()) ??
      (await tx.insertInto('units').values({ municipality_id: mid, code: u.code, name: u.name, kind: u.kind, parent_id: parentId }).returning('id').executeTakeFirstOrThrow());
    ids.units.set(`${m.code}/${u.code}`, unit.id);
  }
  const existing = new Map(
    (await tx.selectFrom('persons').select(['id', 'employee_number']).where('municipality_id', '=', mid).execute()).map((p) => [p.employee_number, p.id]),
  );
  for (const e of m.employees) {
    let personId = existing.get(e.employeeNumber);
    if (!personId) {
      personId = (
        await tx
          .insertInto('persons')
          .values({
            municipality_id: mid,
            employee_number: e.employeeNumber,
            given_name: e.givenName,
            family_name: e.familyName,
            email: e.email,
            phone: e.phone,
            profession: e.profession,
            position_pct: e.positionPct,
            preferred_language: e.preferredLanguage,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      await tx
        .insertInto('person_units')
        .values(e.unitCodes.map((code, i) => ({ municipality_id: mid, person_id: personId!, unit_id: ids.units.get(`${m.code}/${code}`)!, is_primary: i === 0 })))
        .execute();
    }
    ids.persons.set(`${m.code}/${e.employeeNumber}`, personId);
  }
  if (existing.size === 0) {
    await recordAudit(tx, mid, SYSTEM_ACTOR, { action: 'seed.demo', entityType: 'municipality', entityId: mid, after: { units: m.units.length, employees: m.employees.length } });
  }
}

async function seedGrant(tx: Transaction<DB>, userId: string, g: DemoGrant, ids: Ids) {
  const municipalityId = g.municipalityCode ? ids.municipalities.get(g.municipalityCode)! : null;
  const unitId = g.unitCode && g.municipalityCode ? ids.units.get(`${g.municipalityCode}/${g.unitCode}`)! : null;
  const values = {
    user_id: userId,
    role: g.role,
    scope_type: g.scope,
    network_id: g.scope === 'network' ? ids.network : null,
    municipality_id: g.scope === 'municipality' || g.scope === 'unit' ? municipalityId : null,
    unit_id: g.scope === 'unit' ? unitId : null,
  };
  const exists = await tx
    .selectFrom('role_grants')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', '=', g.role)
    .where('scope_type', '=', g.scope)
    .where(sql<boolean>`coalesce(network_id, ${ZERO}::uuid) = coalesce(${values.network_id}::uuid, ${ZERO}::uuid)`)
    .where(sql<boolean>`coalesce(municipality_id, ${ZERO}::uuid) = coalesce(${values.municipality_id}::uuid, ${ZERO}::uuid)`)
    .where(sql<boolean>`coalesce(unit_id, ${ZERO}::uuid) = coalesce(${values.unit_id}::uuid, ${ZERO}::uuid)`)
    .executeTakeFirst();
  if (!exists) await tx.insertInto('role_grants').values(values).execute();
}

// Row-level security is the second wall behind the repositories' own
// municipality filters. These tests go around the application: they read and
// write every tenant table inside withTenant() and expect the database itself
// to refuse another tenant's rows. They also hold every tenant table (now and
// in later migrations) to the Citus rule: municipality_id leads the primary key.
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMunicipality, createPerson, createUnit, createUser } from '../../../test/factories.js';
import { backend, openTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { TENANT_TABLES } from './migrations/0001_foundation.js';
import type { DB } from './schema.js';
import { withSystem, withTenant } from './tenant.js';

let database: TestDatabase;
let db: Kysely<DB>;
beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

type Fixture = Awaited<ReturnType<typeof seedTenant>>;

/** One row (at least) in every tenant table for a municipality. */
async function seedTenant() {
  const m = await createMunicipality(db);
  const unit = await createUnit(db, m.id);
  const spare = await createUnit(db, m.id);
  const person = await createPerson(db, m.id, unit.id);
  const user = await createUser(db);
  await db
    .insertInto('audit_events')
    .values({ municipality_id: m.id, actor_user_id: user.id, actor_label: 'test', action: 'person.create', entity_type: 'person', entity_id: person.id })
    .execute();
  const imp = await db
    .insertInto('people_imports')
    .values({ municipality_id: m.id, created_by: user.id, file_name: 'a.csv', file_data: Buffer.from('x'), status: 'ready', rows: '[]', errors: '[]', file_errors: '[]' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { municipalityId: m.id, unitId: unit.id, spareUnitId: spare.id, personId: person.id, userId: user.id, importId: imp.id };
}

/** A valid new row for `table` owned by tenant `owner`, referring only to the owner's rows. */
function newRowFor(table: (typeof TENANT_TABLES)[number], owner: Fixture): Record<string, unknown> {
  const m = owner.municipalityId;
  switch (table) {
    case 'units':
      return { municipality_id: m, name: 'Smuggled unit', kind: 'unit', code: `S${Date.now() % 100000}` };
    case 'persons':
      return { municipality_id: m, employee_number: `SMUG-${Date.now()}`, given_name: 'Smug', family_name: 'Gler', profession: 'nurse', position_pct: 50 };
    case 'person_units':
      return { municipality_id: m, person_id: owner.personId, unit_id: owner.spareUnitId, is_primary: false };
    case 'audit_events':
      return { municipality_id: m, actor_label: 'intruder', action: 'x', entity_type: 'x', entity_id: 'x' };
    case 'people_imports':
      return { municipality_id: m, file_name: 'b.csv', file_data: Buffer.from('y'), status: 'parsing' };
  }
}

async function rowsByTenant(table: string, tx: Kysely<DB>): Promise<Map<string, number>> {
  const result = await sql<{ municipality_id: string; n: number }>`select municipality_id, count(*) as n from ${sql.table(table)} group by municipality_id`.execute(tx);
  return new Map(result.rows.map((r) => [r.municipality_id, Number(r.n)]));
}

function sqlState(err: unknown): string | undefined {
  return (err as { code?: string } | null)?.code;
}

describe(`row-level security (${backend})`, () => {
  let a: Fixture;
  let b: Fixture;
  beforeAll(async () => {
    a = await seedTenant();
    b = await seedTenant();
  });

  it.each(TENANT_TABLES)('withTenant(A) sees only A’s rows in %s', async (table) => {
    // Outside a tenant (the owner role), both tenants' rows are there…
    const all = await rowsByTenant(table, db);
    expect(all.get(a.municipalityId)).toBeGreaterThan(0);
    expect(all.get(b.municipalityId)).toBeGreaterThan(0);
    // …inside A, only A's, even without any WHERE clause.
    const seen = await withTenant(db, a.municipalityId, (tx) => rowsByTenant(table, tx));
    expect([...seen.keys()]).toEqual([a.municipalityId]);
    expect(seen.get(a.municipalityId)).toBe(all.get(a.municipalityId));
    // Asking for B's rows by name finds nothing.
    const named = await withTenant(db, a.municipalityId, (tx) =>
      sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where municipality_id = ${b.municipalityId}`.execute(tx),
    );
    expect(Number(named.rows[0]!.n)).toBe(0);
  });

  it.each(TENANT_TABLES)('withTenant(A) cannot insert a row for B into %s (SQLSTATE 42501)', async (table) => {
    const before = await rowsByTenant(table, db);
    let error: unknown;
    try {
      await withTenant(db, a.municipalityId, async (tx) => {
        await tx.insertInto(table).values(newRowFor(table, b) as never).execute();
      });
    } catch (err) {
      error = err;
    }
    expect(error, 'the insert should have been refused').toBeDefined();
    expect(sqlState(error), String(error)).toBe('42501');
    expect(String((error as Error).message)).toMatch(/row-level security/i);
    expect(await rowsByTenant(table, db)).toEqual(before);

    // The same row for A itself is allowed (so the refusal above is about the tenant, not the data).
    await withTenant(db, a.municipalityId, async (tx) => {
      await tx.insertInto(table).values(newRowFor(table, a) as never).execute();
    });
    expect((await rowsByTenant(table, db)).get(a.municipalityId)).toBe((before.get(a.municipalityId) ?? 0) + 1);
  });

  it.each(TENANT_TABLES)('withTenant(A) cannot move its own row in %s over to B', async (table) => {
    let error: unknown;
    try {
      await withTenant(db, a.municipalityId, (tx) => sql`update ${sql.table(table)} set municipality_id = ${b.municipalityId} where municipality_id = ${a.municipalityId}`.execute(tx));
    } catch (err) {
      error = err;
    }
    expect(error).toBeDefined();
    // The policy's WITH CHECK runs before any constraint or foreign-key check.
    expect(sqlState(error), String(error)).toBe('42501');
  });

  it('withTenant(A) updates and deletes none of B’s rows', async () => {
    const person = await withTenant(db, a.municipalityId, async (tx) => {
      const updated = await tx.updateTable('persons').set({ given_name: 'Hacked' }).where('id', '=', b.personId).executeTakeFirst();
      const deleted = await tx.deleteFrom('audit_events').where('municipality_id', '=', b.municipalityId).executeTakeFirst();
      return { updated: Number(updated.numUpdatedRows), deleted: Number(deleted.numDeletedRows) };
    });
    expect(person).toEqual({ updated: 0, deleted: 0 });
    const stillB = await db.selectFrom('persons').select('given_name').where('id', '=', b.personId).executeTakeFirstOrThrow();
    expect(stillB.given_name).not.toBe('Hacked');
    expect((await rowsByTenant('audit_events', db)).get(b.municipalityId)).toBeGreaterThan(0);
  });

  it('withTenant(A) sees only its own municipality row', async () => {
    const seen = await withTenant(db, a.municipalityId, (tx) => tx.selectFrom('municipalities').select('id').execute());
    expect(seen.map((r) => r.id)).toEqual([a.municipalityId]);
  });

  it('runs tenant work as mestring_app, which cannot bypass row-level security', async () => {
    const who = await withTenant(db, a.municipalityId, (tx) =>
      sql<{ role: string; bypass: boolean; superuser: boolean }>`select current_user as role, r.rolbypassrls as bypass, r.rolsuper as superuser from pg_roles r where r.rolname = current_user`.execute(tx),
    );
    expect(who.rows[0]).toEqual({ role: 'mestring_app', bypass: false, superuser: false });
    // The setting does not leak out of the transaction.
    const after = await withSystem(db, (tx) => sql<{ v: string | null }>`select nullif(current_setting('app.municipality_id', true), '') as v`.execute(tx));
    expect(after.rows[0]!.v).toBeNull();
  });
});

describe('the Citus rule for tenant tables', () => {
  /** Column names of a table's primary key, in key order. */
  async function primaryKey(table: string): Promise<string[]> {
    const r = await sql<{ column: string }>`
      select a.attname as column
      from pg_index i
      join pg_class c on c.oid = i.indrelid
      join pg_namespace n on n.oid = c.relnamespace
      cross join lateral unnest(i.indkey) with ordinality as k(attnum, position)
      join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
      where i.indisprimary and n.nspname = 'public' and c.relname = ${table}
      order by k.position`.execute(db);
    return r.rows.map((row) => row.column);
  }

  it.each(TENANT_TABLES)('%s has municipality_id first in its primary key, row-level security enabled and a tenant policy', async (table) => {
    const pk = await primaryKey(table);
    expect(pk[0], `primary key of ${table}: (${pk.join(', ')})`).toBe('municipality_id');
    const viaSchema = await sql<{ column_name: string }>`
      select kcu.column_name
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema and kcu.table_name = tc.table_name
      where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = 'public' and tc.table_name = ${table}
      order by kcu.ordinal_position`.execute(db);
    expect(viaSchema.rows.map((r) => r.column_name)).toEqual(pk);

    const rls = await sql<{ enabled: boolean; forced: boolean }>`
      select relrowsecurity as enabled, relforcerowsecurity as forced from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relname = ${table}`.execute(db);
    // Enabled, not forced: the owner's system work spans tenants; mestring_app is bound.
    expect(rls.rows[0]).toEqual({ enabled: true, forced: false });
    const column = await sql<{ nullable: string }>`select is_nullable as nullable from information_schema.columns where table_schema = 'public' and table_name = ${table} and column_name = 'municipality_id'`.execute(db);
    expect(column.rows[0]?.nullable).toBe('NO');
  });

  it('every table under a tenant policy (including later migrations) leads its primary key with municipality_id', async () => {
    const tables = await sql<{ table: string }>`
      select distinct c.relname as table from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relname <> 'municipalities'`.execute(db);
    const names = tables.rows.map((r) => r.table);
    expect(names).toEqual(expect.arrayContaining([...TENANT_TABLES]));
    const offenders: string[] = [];
    for (const table of names) {
      const pk = await primaryKey(table);
      if (pk[0] !== 'municipality_id') offenders.push(`${table} (${pk.join(', ') || 'no primary key'})`);
    }
    expect(offenders).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test/test-db.js';
import { seedDemo } from './seed-demo.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

async function counts() {
  const db = database.db;
  const n = async (table: 'networks' | 'municipalities' | 'units' | 'persons' | 'person_units' | 'users' | 'role_grants' | 'audit_events') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    networks: await n('networks'),
    municipalities: await n('municipalities'),
    units: await n('units'),
    persons: await n('persons'),
    personUnits: await n('person_units'),
    users: await n('users'),
    grants: await n('role_grants'),
    audit: await n('audit_events'),
  };
}

describe('npm run db:seed -- demo', () => {
  it('creates the demo network and is idempotent when run again', async () => {
    expect((await seedDemo(database.db)).created).toBe(true);
    const first = await counts();
    expect(first.networks).toBe(1);
    expect(first.municipalities).toBe(3);
    expect(first.persons).toBeGreaterThanOrEqual(280);
    expect(first.users).toBeGreaterThanOrEqual(20);
    expect((await seedDemo(database.db)).created).toBe(false);
    expect(await counts()).toEqual(first);
  }, 60_000);

  it('uses the unused codes 9901–9903, one municipality per size class, all in the network', async () => {
    const rows = await database.db.selectFrom('municipalities').select(['code', 'size_class', 'network_id']).orderBy('code').execute();
    expect(rows.map((r) => [r.code, r.size_class])).toEqual([
      ['9901', 'small'],
      ['9902', 'medium'],
      ['9903', 'large'],
    ]);
    expect(new Set(rows.map((r) => r.network_id)).size).toBe(1);
  });
});

import { expect } from 'vitest';
import type { ActorRole, Tenant } from '../../factories.js';
import { outcomes, platformSpansAll, type MatrixContext, type MatrixEntry } from '../matrix.js';
import { unique } from '../objects.js';

// The SCORM player's app side. A learner takes courses as themselves: only an
// account with an employee record in the municipality lists courses or
// launches one (in the matrix tenants only the employee has one), everyone
// else in the municipality gets 403, outsiders 404. A launch names a package
// in the body; another municipality's package does not exist (404).

const LEARNERS: ActorRole[] = ['employee'];
const PLATFORM = platformSpansAll('forbidden', 'A platform administrator sees every municipality (so gets 403, not 404) but has no employee record there, and only employees take courses.');
const BASE = '/api/v1/municipalities/:municipalityId/player';

/** A SCORM package as the upload leaves it (rows only: listing and launching read no files). */
async function freshPackage(ctx: MatrixContext, tenant: Tenant): Promise<{ id: string; title: string }> {
  const m = tenant.municipality.id;
  const title = unique('Matrix course ');
  const pkg = await ctx.t.db
    .insertInto('packages')
    .values({ municipality_id: m, family: 'scorm', identifier: unique('matrix.package.'), title, latest_version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const version = await ctx.t.db
    .insertInto('package_versions')
    .values({ municipality_id: m, package_id: pkg.id, version: 1, kind: 'scorm12', title, manifest: JSON.stringify({ version: 'scorm12', organizations: [] }), file_count: 1, size_bytes: 100 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.t.db
    .insertInto('package_launchables')
    .values({ municipality_id: m, package_version_id: version.id, position: 0, identifier: 'sco', activity_id: `https://matrix.example/${pkg.id}/sco`, title: 'SCO', kind: 'sco', launch_url: 'index.html', external: false, details: '{}' })
    .execute();
  return { id: pkg.id, title };
}

async function attemptsAt(ctx: MatrixContext, packageId: string): Promise<number> {
  return (await ctx.t.db.selectFrom('player_attempts').select('id').where('package_id', '=', packageId).execute()).length;
}

export const playerEntries: MatrixEntry[] = [
  {
    name: 'player.courses',
    method: 'GET',
    path: `${BASE}/courses`,
    expect: outcomes({ allow: LEARNERS, rest: 'forbidden' }),
    foreign: PLATFORM,
    prepare: async (ctx) => ({ state: { mine: (await freshPackage(ctx, ctx.target)).title, theirs: (await freshPackage(ctx, ctx.other)).title } }),
    check: (_ctx, res, { state }) => {
      const titles = res.json().items.map((c: { title: string }) => c.title);
      expect(titles).toContain(state!.mine);
      expect(titles).not.toContain(state!.theirs);
    },
  },
  {
    name: 'player.launches',
    method: 'POST',
    path: `${BASE}/launches`,
    status: 201,
    expect: outcomes({ allow: LEARNERS, rest: 'forbidden' }),
    foreign: PLATFORM,
    prepare: async (ctx) => {
      const pkg = await freshPackage(ctx, ctx.target);
      return { payload: { packageId: pkg.id }, state: { packageId: pkg.id } };
    },
    effect: async (ctx, { state }) => (await attemptsAt(ctx, state!.packageId!)) > 0,
    check: (ctx, res) => {
      expect(new URL(res.json().playerUrl).origin).toBe(ctx.t.deps.config.contentUrl);
    },
  },
  {
    name: "player.launches another tenant's package",
    method: 'POST',
    path: `${BASE}/launches`,
    expect: outcomes({ notFound: LEARNERS, rest: 'forbidden' }),
    foreign: PLATFORM,
    prepare: async (ctx) => {
      const pkg = await freshPackage(ctx, ctx.other);
      return { payload: { packageId: pkg.id }, state: { packageId: pkg.id } };
    },
    effect: async (ctx, { state }) => (await attemptsAt(ctx, state!.packageId!)) > 0,
  },
];

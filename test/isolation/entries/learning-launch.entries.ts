import { expect } from 'vitest';
import { insertCatalogueItem } from '../../../src/server/modules/learning/catalogue/catalogue.fixtures.js';
import { insertCmi5Course } from '../../fixtures/cmi5/rows.js';
import { outcomes, platformSpansAll, type MatrixContext, type MatrixEntry } from '../matrix.js';

// A learner's own view and launch of a cmi5 item. Only an employee (an
// account with a person record in the municipality) learns there: every other
// role that sees the municipality gets 403, and another municipality's item
// under one's own path does not exist for the employee (404) either.

const ITEM = '/api/v1/municipalities/:municipalityId/learning/items/:itemId/cmi5';
const LEARNER = outcomes({ allow: ['employee'], rest: 'forbidden' });
const OTHERS_ITEM = outcomes({ notFound: ['employee'], rest: 'forbidden' });
const PLATFORM_LEARNS_NOTHING = platformSpansAll('forbidden', 'A platform administrator sees every municipality (so gets 403, not 404) but has no employee record there, and only employees learn as themselves.');

/** A published cmi5 item of a fresh two-AU course (rows only: the launch reads no files). */
const cmi5Item = (whose: 'target' | 'other') => async (ctx: MatrixContext) => {
  const municipalityId = ctx[whose].municipality.id;
  const courseId = await insertCmi5Course(ctx.t.db, municipalityId);
  const { id } = await insertCatalogueItem(ctx.t.db, municipalityId, { kind: 'cmi5', packageId: courseId });
  return { params: { itemId: id }, payload: {}, state: { courseId, itemId: id } };
};
const launched = async ({ t }: MatrixContext, courseId: string) =>
  !!(await t.db.selectFrom('cmi5_registrations').select('id').where('package_id', '=', courseId).executeTakeFirst());

export const learningLaunchEntries: MatrixEntry[] = [
  {
    name: 'learning.cmi5.view',
    method: 'GET',
    path: ITEM,
    expect: LEARNER,
    foreign: PLATFORM_LEARNS_NOTHING,
    prepare: cmi5Item('target'),
    check: (_ctx, res, { state }) => expect(res.json()).toMatchObject({ itemId: state!.itemId, started: false, aus: [{ index: 0 }, { index: 1 }] }),
  },
  {
    name: "learning.cmi5.view another tenant's item",
    method: 'GET',
    path: ITEM,
    expect: OTHERS_ITEM,
    foreign: PLATFORM_LEARNS_NOTHING,
    prepare: cmi5Item('other'),
  },
  {
    name: 'learning.cmi5.launch',
    method: 'POST',
    path: `${ITEM}/launch`,
    status: 201,
    expect: LEARNER,
    foreign: PLATFORM_LEARNS_NOTHING,
    prepare: cmi5Item('target'),
    effect: (ctx, { state }) => launched(ctx, state!.courseId!),
    check: (_ctx, res) => expect(res.json()).toMatchObject({ auIndex: 0, url: expect.stringContaining('fetch=') }),
  },
  {
    name: "learning.cmi5.launch another tenant's item",
    method: 'POST',
    path: `${ITEM}/launch`,
    expect: OTHERS_ITEM,
    foreign: PLATFORM_LEARNS_NOTHING,
    prepare: cmi5Item('other'),
    effect: (ctx, { state }) => launched(ctx, state!.courseId!),
  },
];

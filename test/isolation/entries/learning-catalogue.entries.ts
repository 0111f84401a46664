import { sql } from 'kysely';
import { expect } from 'vitest';
import { insertCatalogueItem, insertPackage, type ItemSpec } from '../../../src/server/modules/learning/catalogue/catalogue.fixtures.js';
import type { ActorRole } from '../../factories.js';
import { outcomes, platformSpansAll, type MatrixContext, type MatrixEntry } from '../matrix.js';
import { unique } from '../objects.js';

// The learning catalogue. Published items are course material open to
// everyone who works in or holds a grant for the municipality (a platform
// administrator's grant covers every municipality, so they read them too).
// The municipality's administrators and competence advisors manage its own
// items; the network's coordinators manage items the network owns; only an
// employee (an account with a person record here) marks a film or link done.

const EVERYONE: ActorRole[] = ['employee', 'leader', 'ombud', 'competence_advisor', 'municipal_admin', 'network_coordinator', 'analyst', 'platform_admin'];
const MANAGERS: ActorRole[] = ['municipal_admin', 'competence_advisor'];
const READ = outcomes({ allow: EVERYONE, rest: 'forbidden' });
const MANAGE = outcomes({ allow: MANAGERS, rest: 'forbidden' });
const OTHERS_ITEM = outcomes({ notFound: EVERYONE, rest: 'forbidden' });
const PLATFORM_READS = platformSpansAll('allow', 'A platform administrator holds a platform-wide grant, and published items are course material, open to every grant that covers the municipality.');
const PLATFORM_MANAGES_NOTHING = platformSpansAll('forbidden', 'A platform administrator sees every municipality (so gets 403, not 404) but neither manages its catalogue nor learns there.');

const BASE = '/api/v1/municipalities/:municipalityId/learning/items';
const ITEM = `${BASE}/:itemId`;

async function withItem(ctx: MatrixContext, owner: 'target' | 'other', spec: ItemSpec = {}) {
  const title = unique('Matrix item ');
  const { id } = await insertCatalogueItem(ctx.t.db, ctx[owner].municipality.id, { titles: { nb: title }, ...spec });
  return { params: { itemId: id }, state: { itemId: id, title } };
}
const itemRow = ({ t }: MatrixContext, id: string) => t.db.selectFrom('learning_items').select(['duration_minutes', 'status']).where('id', '=', id).executeTakeFirst();
const createdNamed = async ({ t }: MatrixContext, title: string) =>
  (await t.db.selectFrom('learning_items').select('id').where(sql<boolean>`titles->>'nb' = ${title}`).execute()).length > 0;
const newItem = (title: string, over: Record<string, unknown> = {}) => ({ kind: 'link', titles: { nb: title }, languages: ['nb'], url: 'https://learning.example/matrix', ...over });
const titlesOf = (res: { json: () => any }) => (res.json().items as { title: string }[]).map((i) => i.title);

export const learningCatalogueEntries: MatrixEntry[] = [
  {
    name: 'catalogue.list',
    method: 'GET',
    path: BASE,
    expect: READ,
    foreign: PLATFORM_READS,
    prepare: async (ctx) => {
      const mine = await withItem(ctx, 'target');
      const theirs = await withItem(ctx, 'other');
      const draft = await withItem(ctx, 'target', { status: 'draft' });
      return { query: { pageSize: '100' }, state: { mine: mine.state.title, theirs: theirs.state.title, draft: draft.state.title } };
    },
    check: (_ctx, res, { state }) => {
      expect(titlesOf(res)).toContain(state!.mine);
      expect(titlesOf(res)).not.toContain(state!.theirs);
    },
  },
  {
    name: 'catalogue.list drafts',
    method: 'GET',
    path: BASE,
    // Coordinators may ask (they see their network's drafts), but not the municipality's own.
    expect: outcomes({ allow: [...MANAGERS, 'network_coordinator'], rest: 'forbidden' }),
    foreign: PLATFORM_MANAGES_NOTHING,
    prepare: async (ctx) => ({ query: { status: 'draft', pageSize: '100' }, state: { draft: (await withItem(ctx, 'target', { status: 'draft' })).state.title } }),
    check: (ctx, res, { state }) => {
      if (MANAGERS.includes(ctx.role)) expect(titlesOf(res)).toContain(state!.draft);
      else expect(titlesOf(res)).not.toContain(state!.draft);
    },
  },
  {
    name: 'catalogue.competences',
    method: 'GET',
    path: '/api/v1/municipalities/:municipalityId/learning/competences',
    expect: READ,
    foreign: PLATFORM_READS,
  },
  {
    name: 'catalogue.create',
    method: 'POST',
    path: BASE,
    status: 201,
    expect: MANAGE,
    foreign: PLATFORM_MANAGES_NOTHING,
    prepare: () => {
      const title = unique('Created ');
      return { payload: newItem(title), state: { title } };
    },
    effect: (ctx, { state }) => createdNamed(ctx, state!.title!),
  },
  {
    name: 'catalogue.create owned by the network',
    method: 'POST',
    path: BASE,
    status: 201,
    expect: outcomes({ allow: ['network_coordinator'], rest: 'forbidden' }),
    foreign: PLATFORM_MANAGES_NOTHING,
    prepare: (ctx) => {
      const title = unique('Network item ');
      return { payload: newItem(title, { ownerNetworkId: ctx.target.network.id }), state: { title } };
    },
    effect: (ctx, { state }) => createdNamed(ctx, state!.title!),
  },
  {
    name: "catalogue.create with another tenant's package",
    method: 'POST',
    path: BASE,
    expect: outcomes({ invalid: MANAGERS, rest: 'forbidden' }),
    foreign: PLATFORM_MANAGES_NOTHING,
    prepare: async (ctx) => {
      const title = unique('Foreign package ');
      const packageId = await insertPackage(ctx.t.db, ctx.other.municipality.id, 'scorm');
      return { payload: newItem(title, { kind: 'scorm', url: undefined, packageId }), state: { title } };
    },
    effect: (ctx, { state }) => createdNamed(ctx, state!.title!),
  },
  {
    name: 'catalogue.get',
    method: 'GET',
    path: ITEM,
    expect: READ,
    foreign: PLATFORM_READS,
    prepare: (ctx) => withItem(ctx, 'target'),
    check: (_ctx, res, { state }) => expect(res.json().title).toBe(state!.title),
  },
  {
    name: 'catalogue.get a draft',
    method: 'GET',
    path: ITEM,
    expect: outcomes({ allow: MANAGERS, rest: 'notFound' }),
    prepare: (ctx) => withItem(ctx, 'target', { status: 'draft' }),
  },
  {
    name: "catalogue.get another tenant's item",
    method: 'GET',
    path: ITEM,
    expect: OTHERS_ITEM,
    prepare: (ctx) => withItem(ctx, 'other'),
  },
  {
    name: 'catalogue.update',
    method: 'PATCH',
    path: ITEM,
    expect: MANAGE,
    foreign: PLATFORM_MANAGES_NOTHING,
    prepare: async (ctx) => ({ ...(await withItem(ctx, 'target')), payload: { durationMinutes: 77 } }),
    effect: async (ctx, { state }) => (await itemRow(ctx, state!.itemId!))?.duration_minutes === 77,
  },
  {
    name: 'catalogue.update an item the network owns',
    method: 'PATCH',
    path: ITEM,
    expect: outcomes({ allow: ['network_coordinator'], rest: 'forbidden' }),
    foreign: PLATFORM_MANAGES_NOTHING,
    prepare: async (ctx) => ({ ...(await withItem(ctx, 'target', { ownerNetworkId: ctx.target.network.id })), payload: { status: 'published', durationMinutes: 78 } }),
    effect: async (ctx, { state }) => (await itemRow(ctx, state!.itemId!))?.duration_minutes === 78,
  },
  {
    name: "catalogue.update another tenant's item",
    method: 'PATCH',
    path: ITEM,
    expect: OTHERS_ITEM,
    prepare: async (ctx) => ({ ...(await withItem(ctx, 'other')), payload: { durationMinutes: 79 } }),
    effect: async (ctx, { state }) => (await itemRow(ctx, state!.itemId!))?.duration_minutes === 79,
  },
  {
    name: 'catalogue.delete',
    method: 'DELETE',
    path: ITEM,
    expect: MANAGE,
    foreign: PLATFORM_MANAGES_NOTHING,
    prepare: (ctx) => withItem(ctx, 'target'),
    effect: async (ctx, { state }) => (await itemRow(ctx, state!.itemId!)) === undefined,
  },
  {
    name: "catalogue.delete another tenant's item",
    method: 'DELETE',
    path: ITEM,
    expect: OTHERS_ITEM,
    prepare: (ctx) => withItem(ctx, 'other'),
    effect: async (ctx, { state }) => (await itemRow(ctx, state!.itemId!)) === undefined,
  },
  {
    name: 'catalogue.complete',
    method: 'POST',
    path: `${ITEM}/complete`,
    expect: outcomes({ allow: ['employee'], rest: 'forbidden' }),
    foreign: platformSpansAll('forbidden', 'A platform administrator sees every municipality (so gets 403, not 404) but has no employee record there, and only employees record their own learning.'),
    prepare: (ctx) => withItem(ctx, 'target', { kind: 'video' }),
    effect: async ({ t }, { state }) => (await t.db.selectFrom('learning_progress').select('status').where('item_id', '=', state!.itemId!).execute()).length > 0,
  },
  {
    name: "catalogue.complete another tenant's item",
    method: 'POST',
    path: `${ITEM}/complete`,
    expect: outcomes({ notFound: ['employee'], rest: 'forbidden' }),
    foreign: platformSpansAll('forbidden', 'A platform administrator sees every municipality (so gets 403, not 404) but has no employee record there.'),
    prepare: (ctx) => withItem(ctx, 'other', { kind: 'video' }),
    effect: async ({ t }, { state }) => (await t.db.selectFrom('learning_progress').select('status').where('item_id', '=', state!.itemId!).execute()).length > 0,
  },
];


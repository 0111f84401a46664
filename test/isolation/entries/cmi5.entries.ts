import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { cmi5CourseZip, fixtureId } from '../../fixtures/cmi5/course.js';
import { insertCmi5Course, insertCmi5Registration, insertCmi5Session } from '../../fixtures/cmi5/rows.js';
import type { ActorRole } from '../../factories.js';
import { outcomes, platformSpansAll, type MatrixContext, type MatrixEntry } from '../matrix.js';

// The cmi5 LMS API: the municipality's package managers (administrator,
// competence advisor) import courses, hand out launch URLs, read
// registrations, waive AUs and abandon sessions; everyone else in the
// municipality gets 403, outsiders 404, and another municipality's course,
// registration or session under one's own path does not exist. (Machine
// clients with the LRS credential are covered in modules/cmi5/cmi5.api.test.ts.)

const MANAGERS: ActorRole[] = ['municipal_admin', 'competence_advisor'];
const MANAGE = outcomes({ allow: MANAGERS, rest: 'forbidden' });
const MANAGE_OTHERS_OBJECT = outcomes({ notFound: MANAGERS, rest: 'forbidden' });
const NOT_PLATFORM_CONTENT = platformSpansAll('forbidden', 'A platform administrator sees every municipality (so gets 403, not 404) but holds no role that runs its courses.');

let dataDir: string | undefined;
function useTempDataDir({ t }: MatrixContext): void {
  dataDir ??= mkdtempSync(join(tmpdir(), 'mestring-matrix-cmi5-'));
  t.deps.config.dataDir = dataDir;
}
export function removeCmi5MatrixData(): void {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

const base = '/api/v1/municipalities/:municipalityId/cmi5';
const side = (ctx: MatrixContext, whose: 'target' | 'other') => ctx[whose].municipality.id;

const learnerNamed = (name: string) => ({ objectType: 'Agent', account: { homePage: 'https://learners.example.org', name } });
const registrationFor = (ctx: MatrixContext, name: string) =>
  ctx.t.db.selectFrom('cmi5_registrations').select('id').where('actor_key', '=', `account:https://learners.example.org|${name}`).executeTakeFirst();

const course = (whose: 'target' | 'other') => async (ctx: MatrixContext) => {
  const courseId = await insertCmi5Course(ctx.t.db, side(ctx, whose));
  return { params: { courseId }, state: { courseId } };
};
/** A course and a launch request for a learner of its own (so the effect can find the registration). */
const courseLaunch = (whose: 'target' | 'other') => async (ctx: MatrixContext) => {
  const prepared = await course(whose)(ctx);
  const name = randomUUID();
  return { ...prepared, payload: { actor: learnerNamed(name), auIndex: 0 }, state: { ...prepared.state, name } };
};
const registration = (whose: 'target' | 'other') => async (ctx: MatrixContext) => {
  const { registrationId } = await insertCmi5Registration(ctx.t.db, side(ctx, whose));
  return { params: { registrationId }, payload: { auIndex: 0, reason: 'Administrative' }, state: { registrationId } };
};
const session = (whose: 'target' | 'other') => async (ctx: MatrixContext) => {
  const { sessionId } = await insertCmi5Session(ctx.t.db, side(ctx, whose));
  return { params: { sessionId }, state: { sessionId } };
};
const waived = async (ctx: MatrixContext, id: string) =>
  !!(await ctx.t.db.selectFrom('cmi5_au_states').select('au_id').where('registration_id', '=', id).where('waived_at', 'is not', null).executeTakeFirst());
const abandoned = async (ctx: MatrixContext, id: string) => !!(await ctx.t.db.selectFrom('cmi5_sessions').select('id').where('id', '=', id).where('abandoned_at', 'is not', null).executeTakeFirst());

export const cmi5Entries: MatrixEntry[] = [
  {
    name: 'cmi5.courses.import',
    method: 'POST',
    path: `${base}/courses`,
    expect: MANAGE,
    foreign: NOT_PLATFORM_CONTENT,
    status: 201,
    prepare: (ctx) => {
      useTempDataDir(ctx);
      const id = fixtureId('matrix-course');
      return { file: { fileName: 'course.zip', contentType: 'application/zip', content: cmi5CourseZip({ id, children: [{ id: fixtureId('au') }] }) }, state: { id } };
    },
    effect: async ({ t }, { state }) => !!(await t.db.selectFrom('packages').select('id').where('identifier', '=', state!.id!).executeTakeFirst()),
    check: (_ctx, res, { state }) => expect(res.json().publisherId).toBe(state!.id),
  },
  {
    name: 'cmi5.courses.get',
    method: 'GET',
    path: `${base}/courses/:courseId`,
    expect: MANAGE,
    foreign: NOT_PLATFORM_CONTENT,
    prepare: course('target'),
    check: (_ctx, res, { state }) => expect(res.json().courseId).toBe(state!.courseId),
  },
  {
    name: "cmi5.courses.get another tenant's course",
    method: 'GET',
    path: `${base}/courses/:courseId`,
    expect: MANAGE_OTHERS_OBJECT,
    foreign: NOT_PLATFORM_CONTENT,
    prepare: course('other'),
  },
  {
    name: 'cmi5.courses.launch-url',
    method: 'POST',
    path: `${base}/courses/:courseId/launch-url`,
    expect: MANAGE,
    foreign: NOT_PLATFORM_CONTENT,
    status: 201,
    prepare: courseLaunch('target'),
    effect: async (ctx, { state }) => !!(await registrationFor(ctx, state!.name!)),
    check: (_ctx, res) => expect(res.json().url).toContain('fetch='),
  },
  {
    name: "cmi5.courses.launch-url for another tenant's course",
    method: 'POST',
    path: `${base}/courses/:courseId/launch-url`,
    expect: MANAGE_OTHERS_OBJECT,
    foreign: NOT_PLATFORM_CONTENT,
    prepare: courseLaunch('other'),
    effect: async (ctx, { state }) => !!(await registrationFor(ctx, state!.name!)),
  },
  {
    name: 'cmi5.registrations.get',
    method: 'GET',
    path: `${base}/registrations/:registrationId`,
    expect: MANAGE,
    foreign: NOT_PLATFORM_CONTENT,
    prepare: registration('target'),
    check: (_ctx, res, { state }) => expect(res.json().registration).toBe(state!.registrationId),
  },
  {
    name: "cmi5.registrations.get another tenant's registration",
    method: 'GET',
    path: `${base}/registrations/:registrationId`,
    expect: MANAGE_OTHERS_OBJECT,
    foreign: NOT_PLATFORM_CONTENT,
    prepare: registration('other'),
  },
  {
    name: 'cmi5.registrations.waive',
    method: 'POST',
    path: `${base}/registrations/:registrationId/waive`,
    expect: MANAGE,
    foreign: NOT_PLATFORM_CONTENT,
    prepare: registration('target'),
    effect: (ctx, { state }) => waived(ctx, state!.registrationId!),
  },
  {
    name: "cmi5.registrations.waive in another tenant's registration",
    method: 'POST',
    path: `${base}/registrations/:registrationId/waive`,
    expect: MANAGE_OTHERS_OBJECT,
    foreign: NOT_PLATFORM_CONTENT,
    prepare: registration('other'),
    effect: (ctx, { state }) => waived(ctx, state!.registrationId!),
  },
  {
    name: 'cmi5.sessions.abandon',
    method: 'POST',
    path: `${base}/sessions/:sessionId/abandon`,
    expect: MANAGE,
    foreign: NOT_PLATFORM_CONTENT,
    prepare: session('target'),
    effect: (ctx, { state }) => abandoned(ctx, state!.sessionId!),
  },
  {
    name: "cmi5.sessions.abandon another tenant's session",
    method: 'POST',
    path: `${base}/sessions/:sessionId/abandon`,
    expect: MANAGE_OTHERS_OBJECT,
    foreign: NOT_PLATFORM_CONTENT,
    prepare: session('other'),
    effect: (ctx, { state }) => abandoned(ctx, state!.sessionId!),
  },
];

import { expect } from 'vitest';
import type { ActorRole } from '../../factories.js';
import { outcomes, platformSpansAll, type MatrixContext, type MatrixEntry } from '../matrix.js';
import { freshImport, freshPerson, unique } from '../objects.js';

// People and their imports: personal data. Only the municipality's managers
// see everyone; a unit leader sees their unit's subtree; an employee sees
// themselves. Network roles and the platform administrator see no one.

const MANAGERS: ActorRole[] = ['municipal_admin', 'competence_advisor'];
const MANAGE = outcomes({ allow: MANAGERS, rest: 'forbidden' });
const MANAGE_OTHERS_OBJECT = outcomes({ notFound: MANAGERS, rest: 'forbidden' });
const NO_PERSONAL_DATA = platformSpansAll(
  'forbidden',
  'A platform administrator sees every municipality (so gets 403, not 404) but holds no role that reads or changes its people.',
);
const ALL_NOT_FOUND = outcomes({ rest: 'notFound' });

const personExists = async ({ t }: MatrixContext, id: string) => !!(await t.db.selectFrom('persons').select('id').where('id', '=', id).executeTakeFirst());
const givenName = async ({ t }: MatrixContext, id: string) => (await t.db.selectFrom('persons').select('given_name').where('id', '=', id).executeTakeFirst())?.given_name;
const importStatus = async ({ t }: MatrixContext, id: string) => (await t.db.selectFrom('people_imports').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

const personPayload = (unitId: string) => {
  const employeeNumber = unique('E');
  return { employeeNumber, givenName: 'Matrix', familyName: 'Person', profession: 'nurse', positionPct: 50, unitIds: [unitId] };
};

export const peopleEntries: MatrixEntry[] = [
  {
    name: 'people.list',
    method: 'GET',
    path: '/api/v1/municipalities/:municipalityId/people',
    expect: outcomes({ allow: [...MANAGERS, 'leader'], rest: 'forbidden' }),
    foreign: NO_PERSONAL_DATA,
    check: ({ role, target }, res) => {
      const people = res.json().items as { id: string; municipalityId: string }[];
      expect(people.every((p) => p.municipalityId === target.municipality.id)).toBe(true);
      const ids = people.map((p) => p.id);
      expect(ids).toEqual(expect.arrayContaining([target.people.inTeam.id, target.people.self.id]));
      // The leader leads `unit` (and its team), not the sibling unit `other`.
      if (role === 'leader') expect(ids).not.toContain(target.people.inOther.id);
      else expect(ids).toContain(target.people.inOther.id);
    },
  },
  {
    name: 'people.create',
    method: 'POST',
    path: '/api/v1/municipalities/:municipalityId/people',
    expect: MANAGE,
    foreign: NO_PERSONAL_DATA,
    status: 201,
    prepare: ({ target }) => {
      const payload = personPayload(target.units.team.id);
      return { payload, state: { employeeNumber: payload.employeeNumber } };
    },
    effect: async ({ t }, { state }) => !!(await t.db.selectFrom('persons').select('id').where('employee_number', '=', state!.employeeNumber!).executeTakeFirst()),
  },
  {
    name: 'people.create in another tenant\'s unit',
    method: 'POST',
    path: '/api/v1/municipalities/:municipalityId/people',
    expect: outcomes({ invalid: MANAGERS, rest: 'forbidden' }),
    foreign: NO_PERSONAL_DATA,
    prepare: ({ other }) => {
      const payload = personPayload(other.units.team.id);
      return { payload, state: { employeeNumber: payload.employeeNumber } };
    },
    effect: async ({ t }, { state }) => !!(await t.db.selectFrom('persons').select('id').where('employee_number', '=', state!.employeeNumber!).executeTakeFirst()),
  },
  {
    name: 'people.get a team member',
    method: 'GET',
    path: '/api/v1/municipalities/:municipalityId/people/:personId',
    expect: outcomes({ allow: [...MANAGERS, 'leader'], rest: 'forbidden' }),
    foreign: NO_PERSONAL_DATA,
    check: ({ target }, res) => expect(res.json().id).toBe(target.people.inTeam.id),
  },
  {
    name: 'people.get oneself',
    method: 'GET',
    path: '/api/v1/municipalities/:municipalityId/people/:personId',
    expect: outcomes({ allow: [...MANAGERS, 'leader', 'employee'], rest: 'forbidden' }),
    note: 'The person is the employee actor\'s own record, in the leader\'s unit.',
    foreign: NO_PERSONAL_DATA,
    prepare: ({ target }) => ({ params: { personId: target.people.self.id } }),
    check: ({ target }, res) => expect(res.json().id).toBe(target.people.self.id),
  },
  {
    name: 'people.get outside the leader\'s units',
    method: 'GET',
    path: '/api/v1/municipalities/:municipalityId/people/:personId',
    expect: outcomes({ allow: MANAGERS, notFound: ['leader'], rest: 'forbidden' }),
    foreign: NO_PERSONAL_DATA,
    prepare: ({ target }) => ({ params: { personId: target.people.inOther.id } }),
  },
  {
    name: 'people.get another tenant\'s person',
    method: 'GET',
    path: '/api/v1/municipalities/:municipalityId/people/:personId',
    expect: ALL_NOT_FOUND,
    note: 'The person is looked up in the path\'s municipality first, so it is not found for every role.',
    prepare: ({ other }) => ({ params: { personId: other.people.inTeam.id } }),
  },
  {
    name: 'people.patch',
    method: 'PATCH',
    path: '/api/v1/municipalities/:municipalityId/people/:personId',
    expect: MANAGE,
    foreign: NO_PERSONAL_DATA,
    prepare: async (ctx) => {
      const person = await freshPerson(ctx.t.db, ctx.target);
      const name = unique('Given');
      return { params: { personId: person.id }, payload: { givenName: name }, state: { personId: person.id, name } };
    },
    effect: async (ctx, { state }) => (await givenName(ctx, state!.personId!)) === state!.name,
  },
  {
    name: 'people.patch another tenant\'s person',
    method: 'PATCH',
    path: '/api/v1/municipalities/:municipalityId/people/:personId',
    expect: MANAGE_OTHERS_OBJECT,
    foreign: NO_PERSONAL_DATA,
    prepare: async (ctx) => {
      const person = await freshPerson(ctx.t.db, ctx.other);
      const name = unique('Given');
      return { params: { personId: person.id }, payload: { givenName: name }, state: { personId: person.id, name } };
    },
    effect: async (ctx, { state }) => (await givenName(ctx, state!.personId!)) === state!.name,
  },
  {
    name: 'people.delete',
    method: 'DELETE',
    path: '/api/v1/municipalities/:municipalityId/people/:personId',
    expect: MANAGE,
    foreign: NO_PERSONAL_DATA,
    prepare: async (ctx) => {
      const person = await freshPerson(ctx.t.db, ctx.target);
      return { params: { personId: person.id }, state: { personId: person.id } };
    },
    effect: async (ctx, { state }) => !(await personExists(ctx, state!.personId!)),
  },
  {
    name: 'people.delete another tenant\'s person',
    method: 'DELETE',
    path: '/api/v1/municipalities/:municipalityId/people/:personId',
    expect: MANAGE_OTHERS_OBJECT,
    foreign: NO_PERSONAL_DATA,
    prepare: async (ctx) => {
      const person = await freshPerson(ctx.t.db, ctx.other);
      return { params: { personId: person.id }, state: { personId: person.id } };
    },
    effect: async (ctx, { state }) => !(await personExists(ctx, state!.personId!)),
  },
  {
    name: 'people.account',
    method: 'POST',
    path: '/api/v1/municipalities/:municipalityId/people/:personId/account',
    expect: outcomes({ allow: ['municipal_admin'], rest: 'forbidden' }),
    note: 'Creating a sign-in hands out access, so only the municipal administrator may.',
    foreign: NO_PERSONAL_DATA,
    prepare: async (ctx) => {
      const person = await freshPerson(ctx.t.db, ctx.target);
      return { params: { personId: person.id }, payload: {}, state: { personId: person.id } };
    },
    effect: async ({ t }, { state }) => (await t.db.selectFrom('persons').select('user_id').where('id', '=', state!.personId!).executeTakeFirstOrThrow()).user_id !== null,
  },
  {
    name: 'people.account for another tenant\'s person',
    method: 'POST',
    path: '/api/v1/municipalities/:municipalityId/people/:personId/account',
    expect: outcomes({ notFound: ['municipal_admin'], rest: 'forbidden' }),
    foreign: NO_PERSONAL_DATA,
    prepare: async (ctx) => {
      const person = await freshPerson(ctx.t.db, ctx.other);
      return { params: { personId: person.id }, payload: {}, state: { personId: person.id } };
    },
    effect: async ({ t }, { state }) => (await t.db.selectFrom('persons').select('user_id').where('id', '=', state!.personId!).executeTakeFirstOrThrow()).user_id !== null,
  },
  {
    name: 'people.imports.upload',
    method: 'POST',
    path: '/api/v1/municipalities/:municipalityId/people/imports',
    expect: MANAGE,
    foreign: NO_PERSONAL_DATA,
    status: 202,
    prepare: () => {
      const fileName = `${unique('hr-export')}.csv`;
      return {
        file: { fileName, contentType: 'text/csv', content: 'Ansattnummer;Fornavn;Etternavn;E-post;Stilling;Stillingsprosent;Enhet\r\n9001;Kari;Nordmann;kari@example.no;Sykepleier;100;Sone nord\r\n' },
        state: { fileName },
      };
    },
    effect: async ({ t }, { state }) => !!(await t.db.selectFrom('people_imports').select('id').where('file_name', '=', state!.fileName!).executeTakeFirst()),
  },
  {
    name: 'people.imports.get',
    method: 'GET',
    path: '/api/v1/municipalities/:municipalityId/people/imports/:importId',
    expect: MANAGE,
    foreign: NO_PERSONAL_DATA,
    prepare: async (ctx) => {
      const importId = await freshImport(ctx.t.db, ctx.target);
      return { params: { importId }, state: { importId } };
    },
    check: (_ctx, res, { state }) => expect(res.json().id).toBe(state!.importId),
  },
  {
    name: 'people.imports.get another tenant\'s import',
    method: 'GET',
    path: '/api/v1/municipalities/:municipalityId/people/imports/:importId',
    expect: MANAGE_OTHERS_OBJECT,
    foreign: NO_PERSONAL_DATA,
    prepare: async (ctx) => ({ params: { importId: await freshImport(ctx.t.db, ctx.other) } }),
  },
  {
    name: 'people.imports.commit',
    method: 'POST',
    path: '/api/v1/municipalities/:municipalityId/people/imports/:importId/commit',
    expect: MANAGE,
    foreign: NO_PERSONAL_DATA,
    status: 202,
    prepare: async (ctx) => {
      const importId = await freshImport(ctx.t.db, ctx.target);
      return { params: { importId }, state: { importId } };
    },
    effect: async (ctx, { state }) => (await importStatus(ctx, state!.importId!)) !== 'ready',
  },
  {
    name: 'people.imports.commit another tenant\'s import',
    method: 'POST',
    path: '/api/v1/municipalities/:municipalityId/people/imports/:importId/commit',
    expect: MANAGE_OTHERS_OBJECT,
    foreign: NO_PERSONAL_DATA,
    prepare: async (ctx) => {
      const importId = await freshImport(ctx.t.db, ctx.other);
      return { params: { importId }, state: { importId } };
    },
    effect: async (ctx, { state }) => (await importStatus(ctx, state!.importId!)) !== 'ready',
  },
];

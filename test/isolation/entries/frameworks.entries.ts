import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { STARTER_FRAMEWORK_KEY } from '../../../src/server/modules/frameworks/starter/starter-framework.js';
import { csvFramework, starterVersionId, tinyVersionId } from '../framework-objects.js';
import { outcomes, type MatrixEntry } from '../matrix.js';

// The framework library. Frameworks are platform-wide reference data, like
// /me: no tenant in the path and no tenant data in the answer, so there is no
// foreign run (a framework version id is the same object for every tenant; see
// REFERENCE_PLACEHOLDERS in matrix.ts). Everyone signed in reads the library;
// only the platform administrator adds versions to it.

const SIGNED_IN = outcomes({ rest: 'allow' });
const PLATFORM_ONLY = outcomes({ allow: ['platform_admin'], rest: 'forbidden' });

export const frameworkEntries: MatrixEntry[] = [
  {
    name: 'frameworks.list',
    method: 'GET',
    path: '/api/v1/frameworks',
    expect: SIGNED_IN,
    note: 'Platform reference data; no tenant.',
    prepare: async ({ t }) => ({ state: { versionId: await starterVersionId(t.db) } }),
    check: (_ctx, res, { state }) => {
      const starter = (res.json() as { key: string; builtIn: boolean; versions: { id: string }[] }[]).find((f) => f.key === STARTER_FRAMEWORK_KEY);
      expect(starter?.builtIn).toBe(true);
      expect(starter?.versions.map((v) => v.id)).toEqual([state!.versionId]);
    },
  },
  {
    name: 'frameworks.version',
    method: 'GET',
    path: '/api/v1/frameworks/versions/:versionId',
    expect: SIGNED_IN,
    note: 'Platform reference data; the version id names no tenant.',
    prepare: async ({ t }) => ({ params: { versionId: await starterVersionId(t.db) } }),
    check: (_ctx, res) => {
      expect(res.json().key).toBe(STARTER_FRAMEWORK_KEY);
      expect(res.json().competences.length).toBeGreaterThan(0);
    },
  },
  {
    name: 'frameworks.version unknown id',
    method: 'GET',
    path: '/api/v1/frameworks/versions/:versionId',
    expect: outcomes({ rest: 'notFound' }),
    prepare: () => ({ params: { versionId: randomUUID() } }),
  },
  {
    name: 'frameworks.statements',
    method: 'GET',
    path: '/api/v1/frameworks/versions/:versionId/statements',
    expect: SIGNED_IN,
    note: 'Platform reference data; filtered by competence and level.',
    prepare: async ({ t }) => ({ params: { versionId: await tinyVersionId(t.db) }, query: { competenceCode: 'A.1', level: '2' } }),
    check: (_ctx, res) => expect(res.json().map((s: { code: string }) => s.code)).toEqual(['A.1.b']),
  },
  {
    name: 'frameworks.statements of an unknown version',
    method: 'GET',
    path: '/api/v1/frameworks/versions/:versionId/statements',
    expect: outcomes({ rest: 'notFound' }),
    prepare: () => ({ params: { versionId: randomUUID() } }),
  },
  {
    name: 'frameworks.import',
    method: 'POST',
    path: '/api/v1/frameworks/imports',
    expect: PLATFORM_ONLY,
    note: 'Platform reference data; adding to the library is for the platform administrator only.',
    prepare: () => {
      const { key, content } = csvFramework();
      return { file: { fileName: `${key}.csv`, contentType: 'text/csv', content }, state: { key } };
    },
    effect: async ({ t }, { state }) => !!(await t.db.selectFrom('frameworks').select('id').where('key', '=', state!.key!).executeTakeFirst()),
    check: (_ctx, res, { state }) => {
      expect(res.json().created).toBe(true);
      expect(res.json().framework.key).toBe(state!.key);
    },
  },
];

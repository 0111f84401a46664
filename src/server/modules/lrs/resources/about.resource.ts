import type { XapiResource } from '../xapi/request.js';

/** GET /xapi/about: the versions this LRS speaks. Needs no credentials. */
export const aboutResource: XapiResource = {
  GET: async (_deps, request) => {
    const allowed = new Set(['']);
    for (const name of Object.keys(request.params)) if (!allowed.has(name)) return { status: 400, body: { error: { code: 'VALIDATION', message: `Unknown parameter "${name}".` } } };
    return { status: 200, body: { version: ['1.0.3', '2.0.0'], extensions: {} } };
  },
};

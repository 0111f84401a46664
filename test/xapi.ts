import type { LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { App } from '../src/server/http/app.js';
import type { DB } from '../src/server/db/schema.js';
import { insertCredential } from '../src/server/modules/lrs/lrs-credentials.repository.js';

export type XapiCredential = { key: string; secret: string; authorization: string; id: string };

/** A fresh LRS credential for a municipality (what an admin creates in the UI). */
export async function createLrsCredential(db: Kysely<DB>, municipalityId: string, name = 'Test content'): Promise<XapiCredential> {
  const c = await insertCredential(db, municipalityId, name, null);
  return { key: c.key, secret: c.secret, id: c.id, authorization: `Basic ${Buffer.from(`${c.key}:${c.secret}`).toString('base64')}` };
}

export type XapiCallOptions = {
  version?: string | null;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings and Buffers as they are (set content-type in headers). */
  body?: unknown;
  query?: Record<string, string>;
};

/** Calls /xapi as a learning-content client would: Basic auth and the version header. */
export async function xapi(
  app: App,
  credential: XapiCredential | null,
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS',
  path: string,
  options: XapiCallOptions = {},
): Promise<LightMyRequestResponse & { json: <T = any>() => T }> {
  const headers: Record<string, string> = {};
  const version = options.version === undefined ? '1.0.3' : options.version;
  if (version !== null) headers['x-experience-api-version'] = version;
  if (credential) headers.authorization = credential.authorization;
  let payload: string | Buffer | undefined;
  if (options.body !== undefined) {
    if (typeof options.body === 'string' || Buffer.isBuffer(options.body)) payload = options.body;
    else {
      payload = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
  }
  Object.assign(headers, options.headers ?? {});
  const qs = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
  return (await app.inject({ method, url: `/xapi${path}${qs}`, headers, ...(payload === undefined ? {} : { payload }) })) as never;
}

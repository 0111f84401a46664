import { createHash } from 'node:crypto';
import type { AppDeps } from '../../../http/context.js';
import { withTenant } from '../../../db/tenant.js';
import { guardCmi5Document } from '../../cmi5/cmi5-lrs-hooks.js';
import {
  deleteDocument,
  deleteDocuments,
  findDocument,
  insertDocument,
  listDocumentIds,
  replaceDocument,
  type DocumentKey,
  type DocumentKind,
  type DocumentScope,
  type NewDocument,
  type StoredDocument,
} from '../documents.repository.js';
import { agentKey } from '../xapi/identity.js';
import { checkPreconditions, hasPreconditions, readPreconditions, refuseUnconditionalPut } from './document-preconditions.js';
import type { XapiHandler, XapiMethod, XapiRequest, XapiResource, XapiResponse } from '../xapi/request.js';
import { validateAgentOnly } from '../xapi/validate-actor.js';
import { isIri, isTimestamp, isUuid } from '../xapi/validation/primitives.js';
import { xapiError } from '../xapi/xapi-error.js';

// The three document resources (Communication 2.2–2.7 in 1.0.3, 4.1.6.2/5/6 in
// 2.0.0): State, Activity Profile and Agent Profile. They share one store and
// one set of rules; what differs is which parameters address a document and
// how a PUT without If-Match/If-None-Match is treated:
//
//               existing document         new document
//   State       1.0.3: overwrite          stored
//               2.0.0: 409 Conflict       stored
//   Profiles    409 Conflict (both)       1.0.3: 400 (the suite's reading of "the
//                                         client MUST send one"); 2.0.0: 428
//
// 2.0.0 extends the 409 rule to the State resource (4.1.4 no longer exempts it,
// and ADL's 2.0 suite checks it there). POST and DELETE never require a
// precondition, but honour one when sent.

type DocumentResourceSpec = {
  kind: DocumentKind;
  idParam: 'stateId' | 'profileId';
  /** Which of activityId / agent address the document; registration only for State. */
  activityParam: boolean;
  agentParam: boolean;
  registrationParam: boolean;
  /** DELETE without the id parameter deletes every document in scope (State only). */
  multipleDelete: boolean;
};

/** Parts of the primary key are kept well under PostgreSQL's btree row limit (~2.7 kB). */
const MAX_KEY_PART_BYTES = 800;

export function etagOf(content: Buffer): string {
  return `"${createHash('sha1').update(content).digest('hex')}"`;
}

/** Parses and validates the `agent` parameter (an Agent, never a Group) into its identity key. */
export function agentParamKey(raw: string, version: XapiRequest['version']): string {
  let agent: unknown;
  try {
    agent = JSON.parse(raw);
  } catch {
    throw xapiError.bad('The agent parameter must be an Agent object in JSON.');
  }
  const issues = validateAgentOnly(agent, version, 'agent');
  if (issues.length > 0) throw xapiError.bad('The agent parameter is not a valid Agent object.', { issues });
  return checkedKeyPart('agent', agentKey(agent as Parameters<typeof agentKey>[0])!);
}

function checkedKeyPart(name: string, value: string): string {
  if (Buffer.byteLength(value, 'utf8') > MAX_KEY_PART_BYTES) throw xapiError.bad(`The ${name} parameter is longer than ${MAX_KEY_PART_BYTES} bytes.`);
  return value;
}

export function refuseUnknownParams(params: Record<string, string>, allowed: readonly string[]): void {
  const unknown = Object.keys(params).filter((name) => !allowed.includes(name));
  if (unknown.length > 0) throw xapiError.bad(`Unknown parameter${unknown.length > 1 ? 's' : ''} here: ${unknown.map((n) => `"${n}"`).join(', ')}.`);
}

export function activityIdParam(params: Record<string, string>): string {
  const activityId = params.activityId;
  if (activityId === undefined) throw xapiError.bad('The activityId parameter is required.');
  if (!isIri(activityId)) throw xapiError.bad('The activityId parameter must be an absolute IRI.');
  return checkedKeyPart('activityId', activityId);
}

type Addressed = { scope: DocumentScope; registration: string; documentId: string | null; since: string | null };

function readParams(spec: DocumentResourceSpec, request: XapiRequest): Addressed {
  const method: XapiMethod = request.method === 'HEAD' ? 'GET' : request.method;
  const { params } = request;
  const allowed: string[] = [spec.idParam];
  if (spec.activityParam) allowed.push('activityId');
  if (spec.agentParam) allowed.push('agent');
  if (spec.registrationParam) allowed.push('registration');
  if (method === 'GET') allowed.push('since');
  refuseUnknownParams(params, allowed);

  const activityId = spec.activityParam ? activityIdParam(params) : '';
  let agent = '';
  if (spec.agentParam) {
    if (params.agent === undefined) throw xapiError.bad('The agent parameter is required.');
    agent = agentParamKey(params.agent, request.version);
  }
  let registration: string | null = null;
  if (params.registration !== undefined) {
    if (!isUuid(params.registration)) throw xapiError.bad('The registration parameter must be a UUID.');
    registration = params.registration.toLowerCase();
  }

  const documentId = params[spec.idParam] ?? null;
  if (documentId !== null) {
    if (documentId === '') throw xapiError.bad(`The ${spec.idParam} parameter must not be empty.`);
    checkedKeyPart(spec.idParam, documentId);
  }
  const idRequired = method === 'PUT' || method === 'POST' || (method === 'DELETE' && !spec.multipleDelete);
  if (idRequired && documentId === null) throw xapiError.bad(`The ${spec.idParam} parameter is required.`);

  let since: string | null = null;
  if (params.since !== undefined) {
    if (!isTimestamp(params.since)) throw xapiError.bad('The since parameter must be an ISO 8601 timestamp.');
    // 2.0.0 marks since as "Not Allowed" with a document id; 1.0.3 lets it be sent and ignored.
    if (documentId !== null && request.version === '2.0.0') throw xapiError.bad(`The since parameter is not allowed together with ${spec.idParam}.`);
    // A timestamp without a zone is UTC to the LRS; PostgreSQL would read it in its own zone.
    since = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/.test(params.since) ? params.since : `${params.since}Z`;
  }
  return { scope: { kind: spec.kind, activityId, agentKey: agent, registration }, registration: registration ?? '', documentId, since };
}

type Incoming = NewDocument & { json: unknown };

function incomingDocument(request: XapiRequest): Incoming {
  const content = request.body;
  if (!content || content.length === 0) throw xapiError.bad('Send the document as the request body.');
  const isJson = request.contentType === 'application/json';
  let json: unknown;
  if (isJson) {
    try {
      json = JSON.parse(content.toString('utf8'));
    } catch {
      throw xapiError.bad('The document is sent as application/json but is not valid JSON.');
    }
  }
  return { content, contentType: request.contentTypeHeader ?? 'application/octet-stream', isJson, etag: etagOf(content), json };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Top-level merge (Communication 2.2.s7): each posted property replaces the stored one whole. */
function mergedDocument(existing: StoredDocument, incoming: Incoming): NewDocument {
  if (!existing.isJson || !incoming.isJson) {
    throw xapiError.bad('POST merges JSON documents: both the stored and the posted document must be application/json.');
  }
  let stored: unknown;
  try {
    stored = JSON.parse(existing.content.toString('utf8'));
  } catch {
    stored = undefined;
  }
  if (!isPlainObject(stored) || !isPlainObject(incoming.json)) {
    throw xapiError.bad('POST merges JSON documents: both the stored and the posted document must be JSON objects.');
  }
  const content = Buffer.from(JSON.stringify({ ...stored, ...incoming.json }), 'utf8');
  return { content, contentType: incoming.contentType, isJson: true, etag: etagOf(content) };
}

const NO_CONTENT: XapiResponse = { status: 204 };

/**
 * Reads the document under a row lock, lets `decide` check it and return what
 * to store, then writes. If another request creates the document between the
 * read and the insert, the insert does nothing and the decision is taken again
 * on what that request stored.
 */
async function writeDocument(
  deps: AppDeps,
  request: XapiRequest,
  key: DocumentKey,
  decide: (existing: StoredDocument | undefined) => NewDocument,
): Promise<XapiResponse> {
  const municipalityId = request.auth.municipalityId;
  return withTenant(deps.db, municipalityId, async (tx) => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const existing = await findDocument(tx, municipalityId, key, true);
      const next = decide(existing);
      if (existing) {
        await replaceDocument(tx, municipalityId, key, next);
        return NO_CONTENT;
      }
      if (await insertDocument(tx, municipalityId, key, next)) return NO_CONTENT;
    }
    throw xapiError.conflict('The document was changed by another request at the same time; try again.');
  });
}

function documentKey(spec: DocumentResourceSpec, a: Addressed): DocumentKey {
  return { kind: spec.kind, activityId: a.scope.activityId, agentKey: a.scope.agentKey, registration: a.registration, documentId: a.documentId! };
}

function documentResource(spec: DocumentResourceSpec): XapiResource {
  return {
    GET: async (deps, request) => {
      const a = readParams(spec, request);
      const municipalityId = request.auth.municipalityId;
      if (a.documentId !== null) {
        const doc = await withTenant(deps.db, municipalityId, (tx) => findDocument(tx, municipalityId, documentKey(spec, a)));
        if (!doc) throw xapiError.notFound('The document');
        return { status: 200, headers: { 'content-type': doc.contentType, etag: doc.etag, 'last-modified': doc.updated.toUTCString() }, body: doc.content };
      }
      const list = await withTenant(deps.db, municipalityId, (tx) => listDocumentIds(tx, municipalityId, a.scope, a.since));
      const body = Buffer.from(JSON.stringify(list.ids), 'utf8');
      const headers: Record<string, string> = { 'content-type': 'application/json', etag: etagOf(body) };
      if (list.lastModified) headers['last-modified'] = list.lastModified.toUTCString();
      return { status: 200, headers, body };
    },

    PUT: async (deps, request) => {
      const a = readParams(spec, request);
      const incoming = incomingDocument(request);
      const preconditions = readPreconditions(request);
      return writeDocument(deps, request, documentKey(spec, a), (existing) => {
        checkPreconditions(preconditions, existing);
        if (!hasPreconditions(preconditions)) refuseUnconditionalPut(spec, request, existing);
        return incoming;
      });
    },

    POST: async (deps, request) => {
      const a = readParams(spec, request);
      const incoming = incomingDocument(request);
      const preconditions = readPreconditions(request);
      return writeDocument(deps, request, documentKey(spec, a), (existing) => {
        checkPreconditions(preconditions, existing);
        return existing ? mergedDocument(existing, incoming) : incoming;
      });
    },

    DELETE: async (deps, request) => {
      const a = readParams(spec, request);
      const preconditions = readPreconditions(request);
      const municipalityId = request.auth.municipalityId;
      if (a.documentId === null) {
        if (hasPreconditions(preconditions)) throw xapiError.bad('If-Match and If-None-Match apply to a single document; add the stateId parameter.');
        await withTenant(deps.db, municipalityId, (tx) => deleteDocuments(tx, municipalityId, a.scope));
        return NO_CONTENT;
      }
      const key = documentKey(spec, a);
      await withTenant(deps.db, municipalityId, async (tx) => {
        const existing = await findDocument(tx, municipalityId, key, true);
        checkPreconditions(preconditions, existing);
        if (existing) await deleteDocument(tx, municipalityId, key);
      });
      return NO_CONTENT;
    },
  };
}

/** A cmi5 session token (an AU) may only address its own launch's documents (modules/cmi5 decides). */
function withCmi5Guard(kind: DocumentKind, resource: XapiResource): XapiResource {
  const guarded: XapiResource = {};
  for (const [method, handler] of Object.entries(resource) as [XapiMethod, XapiHandler][]) {
    guarded[method] = async (deps, request) => {
      if (request.auth.scope !== 'full') await guardCmi5Document(deps, kind, request);
      return handler(deps, request);
    };
  }
  return guarded;
}

/** /activities/state: a document per activity, agent, optional registration and stateId. */
export const stateResource = withCmi5Guard('state', documentResource({ kind: 'state', idParam: 'stateId', activityParam: true, agentParam: true, registrationParam: true, multipleDelete: true }));

/** /activities/profile: a document per activity and profileId. */
export const activityProfileResource = withCmi5Guard('activity_profile', documentResource({ kind: 'activity_profile', idParam: 'profileId', activityParam: true, agentParam: false, registrationParam: false, multipleDelete: false }));

/** /agents/profile: a document per agent and profileId. */
export const agentProfileResource = withCmi5Guard('agent_profile', documentResource({ kind: 'agent_profile', idParam: 'profileId', activityParam: false, agentParam: true, registrationParam: false, multipleDelete: false }));

import { cmi5MayReadStatement, guardCmi5StatementQuery } from '../../cmi5/cmi5-lrs-hooks.js';
import { agentKey } from '../xapi/identity.js';
import { boundaryOf, buildMultipart, parseMultipart, type Part } from '../xapi/multipart.js';
import type { XapiRequest, XapiResource, XapiResponse } from '../xapi/request.js';
import { validateActor } from '../xapi/validate-actor.js';
import { xapiError } from '../xapi/xapi-error.js';
import { attachmentParts, getStatement, getStatementPage, storeStatements, type StatementFormat } from '../statements.service.js';
import { decodeMore, DEFAULT_PAGE, encodeMore, MAX_PAGE, type MoreState } from './statements.more.js';
import { parseStrictJson } from '../xapi/strict-json.js';
import { isIri, isTimestamp, isUuid, toUtcTimestamp } from '../xapi/validation/primitives.js';

// /xapi/statements: PUT one statement by id, POST one or many, GET one or a
// filtered page with `more` links. Attachments travel in multipart/mixed.

const GET_PARAMS = new Set(['statementId', 'voidedStatementId', 'agent', 'verb', 'activity', 'registration', 'related_activities', 'related_agents', 'since', 'until', 'limit', 'format', 'attachments', 'ascending', 'more']);
const SINGLE_COMPANIONS = new Set(['statementId', 'voidedStatementId', 'format', 'attachments']);

const parseJson = parseStrictJson;

/** The statement JSON and attachment parts of a PUT/POST body. */
function readBody(request: XapiRequest): { json: unknown; parts: Part[] } {
  if (!request.body || request.body.length === 0) throw xapiError.bad('The request has no statement.');
  if (request.contentType === 'application/json') return { json: parseJson(request.body.toString('utf8'), 'The request body'), parts: [] };
  if (request.contentType === 'multipart/mixed') {
    const boundary = boundaryOf(request.contentTypeHeader);
    if (!boundary) throw xapiError.bad('A multipart/mixed request needs a boundary parameter.');
    const [first, ...rest] = parseMultipart(request.body, boundary);
    if (!first) throw xapiError.bad('The multipart request has no parts.');
    const type = (first.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') throw xapiError.bad('The first part of a multipart statement request must be application/json.');
    return { json: parseJson(first.body.toString('utf8'), 'The statement part'), parts: rest };
  }
  throw xapiError.bad('Send statements as application/json, or multipart/mixed with attachments.');
}

function bool(params: Record<string, string>, name: string): boolean {
  const v = params[name];
  if (v === undefined) return false;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw xapiError.bad(`"${name}" must be true or false.`);
}

function format(params: Record<string, string>): StatementFormat {
  const f = params.format ?? 'exact';
  if (f !== 'exact' && f !== 'ids' && f !== 'canonical') throw xapiError.bad('"format" must be ids, exact or canonical.');
  return f;
}

function withAttachments(json: unknown, files: { sha2: string; content_type: string; content: Buffer }[], wanted: boolean, headers: Record<string, string>): XapiResponse {
  if (!wanted) return { status: 200, headers, body: json };
  const multipart = buildMultipart(
    json,
    files.map((f) => ({ sha2: f.sha2, contentType: f.content_type, content: f.content })),
  );
  return { status: 200, headers: { ...headers, 'content-type': multipart.contentType }, body: multipart.body };
}

const httpDate = (d: Date) => d.toUTCString();

async function put(deps: Parameters<NonNullable<XapiResource['PUT']>>[0], request: XapiRequest): Promise<XapiResponse> {
  for (const name of Object.keys(request.params)) if (name !== 'statementId') throw xapiError.bad(`Unknown parameter "${name}".`);
  const id = request.params.statementId;
  if (id === undefined) throw xapiError.bad('PUT /statements needs the statementId parameter.');
  if (!isUuid(id)) throw xapiError.bad('statementId must be a UUID.');
  const { json, parts } = readBody(request);
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw xapiError.bad('PUT takes exactly one statement object.');
  const statement = json as Record<string, unknown>;
  if (statement.id !== undefined && String(statement.id).toLowerCase() !== id.toLowerCase()) throw xapiError.bad('The statement id differs from the statementId parameter.');
  await storeStatements(deps, request.auth, request.version, [{ ...statement, id: statement.id ?? id }], attachmentParts(parts));
  return { status: 204 };
}

async function post(deps: Parameters<NonNullable<XapiResource['POST']>>[0], request: XapiRequest): Promise<XapiResponse> {
  for (const name of Object.keys(request.params)) throw xapiError.bad(`Unknown parameter "${name}".`);
  const { json, parts } = readBody(request);
  const list = Array.isArray(json) ? json : [json];
  if (list.length === 0) throw xapiError.bad('The request holds no statements.');
  const ids = await storeStatements(deps, request.auth, request.version, list, attachmentParts(parts));
  return { status: 200, body: ids };
}

async function get(deps: Parameters<NonNullable<XapiResource['GET']>>[0], request: XapiRequest): Promise<XapiResponse> {
  const p = request.params;
  for (const name of Object.keys(p)) if (!GET_PARAMS.has(name)) throw xapiError.bad(`Unknown parameter "${name}".`);
  // A cmi5 session token (an AU) reads only its own registration's statements.
  if (request.auth.scope !== 'full') guardCmi5StatementQuery(request);
  const acceptLanguage = request.headers['accept-language'];
  if (p.more !== undefined) {
    if (Object.keys(p).length > 1) throw xapiError.bad('"more" cannot be combined with other parameters.');
    return page(deps, request, decodeMore(p.more), acceptLanguage);
  }
  const single = p.statementId ?? p.voidedStatementId;
  if (p.statementId !== undefined && p.voidedStatementId !== undefined) throw xapiError.bad('Give statementId or voidedStatementId, not both.');
  if (single !== undefined) {
    for (const name of Object.keys(p)) if (!SINGLE_COMPANIONS.has(name)) throw xapiError.bad(`"${name}" cannot be combined with statementId or voidedStatementId.`);
    if (!isUuid(single)) throw xapiError.bad('The statement id must be a UUID.');
    const wanted = bool(p, 'attachments');
    const found = await getStatement(deps, request.auth, { id: single, voided: p.voidedStatementId !== undefined, format: format(p), attachments: wanted, acceptLanguage });
    if (!found || (request.auth.scope !== 'full' && !cmi5MayReadStatement(request.auth, found.statement))) throw xapiError.notFound('The statement');
    return withAttachments(found.statement, found.attachments, wanted, { 'last-modified': httpDate(found.stored) });
  }

  const filter: MoreState['filter'] = {};
  if (p.agent !== undefined) {
    const agent = parseJson(p.agent, '"agent"');
    const issues = validateActor(agent, request.version, 'agent');
    if (issues.length > 0) throw xapiError.bad(`"agent" is not a valid Agent or Group: ${issues[0]!.message}`, { issues });
    const key = agentKey(agent as never);
    if (!key) throw xapiError.bad('"agent" must be an Agent or an identified Group.');
    filter.agentKey = key;
  }
  if (p.verb !== undefined) {
    if (!isIri(p.verb)) throw xapiError.bad('"verb" must be an IRI.');
    filter.verbId = p.verb;
  }
  if (p.activity !== undefined) {
    if (!isIri(p.activity)) throw xapiError.bad('"activity" must be an IRI.');
    filter.activityId = p.activity;
  }
  if (p.registration !== undefined) {
    if (!isUuid(p.registration)) throw xapiError.bad('"registration" must be a UUID.');
    filter.registration = p.registration.toLowerCase();
  }
  if (p.related_activities !== undefined) filter.relatedActivities = bool(p, 'related_activities');
  if (p.related_agents !== undefined) filter.relatedAgents = bool(p, 'related_agents');
  for (const name of ['since', 'until'] as const) {
    if (p[name] === undefined) continue;
    if (!isTimestamp(p[name]!)) throw xapiError.bad(`"${name}" must be an ISO 8601 timestamp.`);
    filter[name] = toUtcTimestamp(p[name]!);
  }
  let limit = DEFAULT_PAGE;
  if (p.limit !== undefined) {
    if (!/^[0-9]+$/.test(p.limit)) throw xapiError.bad('"limit" must be a non-negative integer.');
    const n = Number(p.limit);
    limit = n === 0 ? MAX_PAGE : Math.min(n, MAX_PAGE);
  }
  const state: MoreState = { filter, cursor: null, limit, ascending: bool(p, 'ascending'), format: format(p), attachments: bool(p, 'attachments') };
  return page(deps, request, state, acceptLanguage);
}

async function page(deps: Parameters<NonNullable<XapiResource['GET']>>[0], request: XapiRequest, state: MoreState, acceptLanguage: string | undefined): Promise<XapiResponse> {
  const result = await getStatementPage(deps, request.auth, { ...state, acceptLanguage });
  const more = result.next ? `/xapi/statements?more=${encodeMore({ ...state, cursor: result.next })}` : '';
  const headers = { 'x-experience-api-consistent-through': result.consistentThrough, 'last-modified': httpDate(new Date(result.consistentThrough)) };
  return withAttachments({ statements: result.statements, more }, result.attachments, state.attachments, headers);
}

export const statementsResource: XapiResource = { PUT: put, POST: post, GET: get };

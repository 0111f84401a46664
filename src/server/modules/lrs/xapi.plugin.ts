import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { authenticateLrs } from './lrs-auth.js';
import { aboutResource } from './resources/about.resource.js';
import { activitiesResource } from './resources/activities.resource.js';
import { agentsResource } from './resources/agents.resource.js';
import { activityProfileResource, agentProfileResource, stateResource } from './resources/documents.resource.js';
import { statementsResource } from './resources/statements.resource.js';
import { consistentThrough } from './xapi/consistency.js';
import type { XapiMethod, XapiRequest, XapiResource, XapiResponse } from './xapi/request.js';
import { negotiateVersion, VERSION_HEADER, type XapiVersion } from './xapi/version.js';
import { xapiError } from './xapi/xapi-error.js';

// The xAPI learning record store under /xapi. It speaks HTTP the way the xAPI
// specification asks (Basic auth per municipality, version header, the 1.0.3
// alternate request syntax, any content type for documents), so it sits beside
// the session-based /api/v1 with its own body handling and no cookies at all:
// content served from another origin may call it (CORS, no credentials mode).

export const XAPI_PREFIX = '/xapi';
/** Attachments ride in statement requests; documents may be any file. */
export const XAPI_BODY_LIMIT = 64 * 1024 * 1024;

/** Every resource, by its path under /xapi. Resource modules add themselves here. */
const RESOURCES: Record<string, XapiResource> = {
  '/about': aboutResource,
  '/activities': activitiesResource,
  '/activities/state': stateResource,
  '/activities/profile': activityProfileResource,
  '/agents': agentsResource,
  '/agents/profile': agentProfileResource,
  '/statements': statementsResource,
};

/** /about is the one resource that needs neither a version header nor credentials. */
const OPEN_RESOURCES = new Set(['/about']);

const METHODS: XapiMethod[] = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'];
const ALT_HEADER_FIELDS = new Set(['authorization', 'x-experience-api-version', 'content-type', 'content-length', 'if-match', 'if-none-match']);

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, PUT, POST, DELETE, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match',
  'access-control-expose-headers': 'ETag, Last-Modified, Content-Type, X-Experience-API-Version, X-Experience-API-Consistent-Through',
  'access-control-max-age': '600',
};

function mediaType(header: string | undefined): string | undefined {
  if (!header) return undefined;
  return header.split(';')[0]!.trim().toLowerCase() || undefined;
}

function singleParams(query: unknown): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (Array.isArray(value)) throw xapiError.bad(`The parameter "${name}" is given more than once.`);
    params[name] = String(value);
  }
  return params;
}

type Unfolded = Omit<XapiRequest, 'auth' | 'version'>;

/** A normal request as it came. */
function plainRequest(request: FastifyRequest, method: XapiMethod): Unfolded {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  const body = Buffer.isBuffer(request.body) ? request.body : undefined;
  return {
    method,
    params: singleParams(request.query),
    headers,
    body,
    contentType: mediaType(headers['content-type']),
    contentTypeHeader: headers['content-type'],
  };
}

/**
 * 1.0.3 "alternate request syntax": POST ?method=X with an url-encoded form that
 * carries the headers, the parameters and the body as `content`.
 */
function alternateRequest(request: FastifyRequest, params: Record<string, string>): Unfolded {
  const method = params.method!.toUpperCase() as XapiMethod;
  if (!METHODS.includes(method)) throw xapiError.bad(`"${params.method}" is not a method the alternate request syntax can carry.`);
  if (Object.keys(params).length > 1) throw xapiError.bad('The alternate request syntax allows no query parameters besides "method".');
  if (mediaType(request.headers['content-type']) !== 'application/x-www-form-urlencoded') {
    throw xapiError.bad('The alternate request syntax needs an application/x-www-form-urlencoded body.');
  }
  const form = new URLSearchParams(Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '');
  const headers: Record<string, string | undefined> = {};
  const formParams: Record<string, string> = {};
  let content: string | undefined;
  const seen = new Set<string>();
  for (const [name, value] of form) {
    if (seen.has(name)) throw xapiError.bad(`The form field "${name}" is given more than once.`);
    seen.add(name);
    const lower = name.toLowerCase();
    if (lower === 'content') content = value;
    else if (ALT_HEADER_FIELDS.has(lower)) headers[lower] = value;
    else formParams[name] = value;
  }
  // Transport headers that the form does not override still apply (e.g. Authorization).
  for (const name of ['authorization', 'x-experience-api-version']) {
    const real = request.headers[name];
    if (headers[name] === undefined && typeof real === 'string') headers[name] = real;
  }
  const contentType = headers['content-type'] ?? (content !== undefined ? 'application/json' : undefined);
  return {
    method,
    params: formParams,
    headers: { ...headers, 'content-type': contentType },
    body: content === undefined ? undefined : Buffer.from(content, 'utf8'),
    contentType: mediaType(contentType),
    contentTypeHeader: contentType,
  };
}

function send(reply: FastifyReply, response: XapiResponse, head: boolean): FastifyReply {
  reply.status(response.status);
  for (const [name, value] of Object.entries(response.headers ?? {})) reply.header(name, value);
  if (head || response.body === undefined) return reply.send();
  if (Buffer.isBuffer(response.body) || typeof response.body === 'string') return reply.send(response.body);
  reply.header('content-type', 'application/json; charset=utf-8');
  return reply.send(JSON.stringify(response.body));
}

export async function registerXapi(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(
    async (x) => {
      x.removeAllContentTypeParsers();
      x.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: XAPI_BODY_LIMIT }, (_req, body, done) => done(null, body));

      x.addHook('onRequest', async (request, reply) => {
        reply.headers(CORS_HEADERS);
        const requested = negotiateVersion(request.headers[VERSION_HEADER] as string | undefined);
        reply.header('X-Experience-API-Version', requested ?? '2.0.0');
      });

      for (const [path, resource] of Object.entries(RESOURCES)) {
        x.route({
          method: ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'OPTIONS'],
          url: path,
          exposeHeadRoute: false,
          schema: { hide: true },
          handler: async (request, reply) => {
            if (request.method === 'OPTIONS') return reply.status(204).send();
            const query = singleParams(request.query);
            const unfolded =
              request.method === 'POST' && query.method !== undefined ? alternateRequest(request, query) : plainRequest(request, request.method as XapiMethod);
            // A method the resource does not have is 405 whoever asks, before version and credentials.
            const handler = resource[unfolded.method === 'HEAD' ? (resource.HEAD ? 'HEAD' : 'GET') : unfolded.method];
            if (!handler) {
              reply.header('Allow', Object.keys(resource).join(', '));
              return reply.status(405).send({ error: { code: 'VALIDATION', message: `${unfolded.method} is not allowed on ${XAPI_PREFIX}${path}.` } });
            }
            // Every answer to a statement query carries the header, errors and single statements too; a
            // time taken before the read is safe (the page handler sets its own, taken the same way).
            if (path === '/statements' && (unfolded.method === 'GET' || unfolded.method === 'HEAD')) {
              reply.header('X-Experience-API-Consistent-Through', consistentThrough());
            }
            const open = OPEN_RESOURCES.has(path);
            const version = negotiateVersion(unfolded.headers[VERSION_HEADER]);
            if (!version && !open) {
              throw xapiError.bad(
                unfolded.headers[VERSION_HEADER] === undefined
                  ? 'Send the X-Experience-API-Version header (1.0.3 or 2.0.0).'
                  : `The xAPI version "${unfolded.headers[VERSION_HEADER]}" is not supported; use 1.0.3 or 2.0.0.`,
              );
            }
            if (query.method !== undefined && request.method === 'POST' && version === '2.0.0') {
              throw xapiError.bad('xAPI 2.0.0 has no alternate request syntax.');
            }
            reply.header('X-Experience-API-Version', version ?? '2.0.0');
            const auth = open ? null : await authenticateLrs(deps.db, deps.config.publicUrl, unfolded.headers.authorization);
            if (!open && !auth) {
              reply.header('WWW-Authenticate', 'Basic realm="Mestring LRS"');
              throw new AppError('UNAUTHENTICATED', 'Send valid LRS credentials (HTTP Basic).');
            }
            const response = await handler(deps, { ...unfolded, auth: auth!, version: version ?? '2.0.0' });
            return send(reply, response, unfolded.method === 'HEAD');
          },
        });
      }
    },
    { prefix: XAPI_PREFIX },
  );
}

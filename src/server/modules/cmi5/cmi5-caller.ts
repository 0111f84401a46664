import { AppError } from '../../http/app-error.js';
import { actorOf, type RequestContext } from '../../http/context.js';
import { assertMunicipalityVisible } from '../access/access.policy.js';
import type { Actor } from '../audit/audit.repository.js';
import { authenticateLrs } from '../lrs/lrs-auth.js';
import { cmi5Policy } from './cmi5.policy.js';

// The cmi5 REST API answers two kinds of caller: a signed-in administrator or
// competence advisor (session cookie and CSRF token, like the rest of
// /api/v1), and a machine client that sends the municipality's LRS
// credential as HTTP Basic, so an external harness needs no browser. A
// credential of another municipality finds nothing there (404), like a user
// without a grant; a cmi5 session token is for the AU's xAPI calls only.

export async function authorizeCmi5Caller(ctx: RequestContext, authorization: string | undefined, municipalityId: string): Promise<Actor> {
  if (ctx.principal) {
    assertMunicipalityVisible(ctx.principal, municipalityId);
    if (!cmi5Policy.manage(ctx.principal, municipalityId)) throw AppError.forbidden();
    return actorOf(ctx);
  }
  if (!authorization || !/^Basic\s/i.test(authorization)) throw new AppError('UNAUTHENTICATED', 'Sign in, or send the municipality\'s LRS credential as HTTP Basic.');
  const auth = await authenticateLrs(ctx.db, ctx.config.publicUrl, authorization);
  if (!auth) throw new AppError('UNAUTHENTICATED', 'The LRS credential is not valid.');
  if (auth.scope !== 'full') throw AppError.forbidden('A cmi5 session token may only be used for the AU\'s xAPI requests.');
  if (auth.municipalityId !== municipalityId) throw AppError.notFound('Municipality');
  return { userId: null, label: `LRS credential ${auth.authority.name ?? ''} (${auth.authority.account?.name ?? auth.credentialId})`, requestId: ctx.requestId };
}

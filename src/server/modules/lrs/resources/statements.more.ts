import type { Cursor, StatementFilter } from '../statements.repository.js';
import type { StatementFormat } from '../statements.service.js';
import { xapiError } from '../xapi/xapi-error.js';

/** The largest page GET /statements returns (also what limit=0 means). */
export const MAX_PAGE = 500;
/** The page size when the client gives no limit. */
export const DEFAULT_PAGE = 100;

/** Everything needed to continue a query: the `more` link carries it, so the server keeps no state. */
export type MoreState = { filter: StatementFilter; cursor: Cursor | null; limit: number; ascending: boolean; format: StatementFormat; attachments: boolean };

export function encodeMore(state: MoreState): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

export function decodeMore(token: string): MoreState {
  try {
    const s = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as MoreState;
    const cursorOk = s.cursor === null || (typeof s.cursor?.stored === 'string' && Number.isInteger(s.cursor?.seq));
    if (s && typeof s.filter === 'object' && cursorOk && Number.isInteger(s.limit) && s.limit > 0 && s.limit <= MAX_PAGE && ['exact', 'ids', 'canonical'].includes(s.format)) {
      // Only the known filter fields, with their types, survive the round trip.
      const f = s.filter;
      const filter: StatementFilter = {};
      for (const k of ['agentKey', 'verbId', 'activityId', 'registration', 'since', 'until'] as const) if (typeof f[k] === 'string') filter[k] = f[k];
      for (const k of ['relatedAgents', 'relatedActivities'] as const) if (typeof f[k] === 'boolean') filter[k] = f[k];
      return { filter, cursor: s.cursor, limit: s.limit, ascending: s.ascending === true, format: s.format, attachments: s.attachments === true };
    }
  } catch {
    // fall through
  }
  throw xapiError.bad('The "more" token is not valid.');
}

import { ApiError } from '../../../api/client';

// Paths of the course API, and how its answers are read on the client.

export const coursePath = (municipalityId: string, itemId: string) => `/municipalities/${municipalityId}/learning/items/${itemId}/course`;
export const assetsPath = (municipalityId: string, itemId: string) => `/municipalities/${municipalityId}/learning/items/${itemId}/assets`;
/** An asset's bytes are served same-origin with the session cookie, so <img> and <video> load them directly. */
export const assetUrl = (municipalityId: string, assetId: string) => `/api/v1/municipalities/${municipalityId}/learning/assets/${assetId}`;

export const reasonOf = (err: unknown): string | undefined =>
  err instanceof ApiError ? ((err.details as { reason?: unknown } | undefined)?.reason as string | undefined) : undefined;

/** Publish problems keyed by their dotted path in the draft (lessons.0.blocks.2.alt). */
export function issuesByPath(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const issues = (err.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return {};
  const out: Record<string, string> = {};
  for (const issue of issues as { path?: unknown; message?: unknown }[]) {
    const key = Array.isArray(issue.path) ? issue.path.map(String).join('.') : '';
    if (typeof issue.message === 'string' && !(key in out)) out[key] = issue.message;
  }
  return out;
}

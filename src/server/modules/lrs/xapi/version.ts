// Which xAPI version a request speaks, from X-Experience-API-Version. 1.0.x
// clients get 1.0.3 behaviour (1.0.0–1.0.3 are compatible patch versions);
// 2.0.0 clients get 2.0.0. Anything else is refused.

export type XapiVersion = '1.0.3' | '2.0.0';
export const XAPI_VERSIONS: readonly XapiVersion[] = ['1.0.3', '2.0.0'];
export const VERSION_HEADER = 'x-experience-api-version';

export function negotiateVersion(header: string | undefined): XapiVersion | null {
  if (header === undefined) return null;
  const v = header.trim();
  if (/^1\.0(\.[0-9]+)?$/.test(v)) return '1.0.3';
  if (/^2\.0(\.[0-9]+)?$/.test(v)) return '2.0.0';
  return null;
}

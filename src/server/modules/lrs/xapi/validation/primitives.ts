// The xAPI data types every part of a statement is built from (Data section
// 4.2.7 / 1.0.3 Data 4): IRIs, IRLs, UUIDs, language tags and maps, ISO 8601
// timestamps and durations. Each check returns true or false; callers turn a
// false into a ValidationIssue with a path, so one message shape covers all.

export type ValidationIssue = { path: string; message: string };

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// RFC 3986 scheme, then a non-empty remainder without whitespace or the
// characters RFC 3987 never allows unescaped. Stricter grammars reject IRIs
// real clients send (e.g. with unencoded '|' in query strings is rare, but
// with non-ASCII letters common), so this is the line the suite draws:
// 'ab=c://x' (bad scheme) and relative references fail.
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}\\^`]+$/u;

/** An absolute IRI (RFC 3987). */
export function isIri(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  // Verb and activity IRIs repeat in nearly every statement of a batch.
  return remembered(iriCache, value, checkIri);
}

function checkIri(value: string): boolean {
  return IRI.test(value) && !/[\u0000-\u001f\u007f]/.test(value);
}

const iriCache = new Map<string, boolean>();

/** A pure check's answer from a small bounded memo (cleared when full: the hot set refills it at once). */
function remembered(cache: Map<string, boolean>, value: string, check: (value: string) => boolean): boolean {
  const known = cache.get(value);
  if (known !== undefined) return known;
  const answer = check(value);
  if (cache.size >= 2000) cache.clear();
  cache.set(value, answer);
  return answer;
}

/** An IRL is an IRI that is meant to be dereferenced: the same syntax. */
export const isIrl = isIri;

/** An absolute URI (RFC 3986): ASCII only. */
export function isAbsoluteUri(value: unknown): value is string {
  return isIri(value) && /^[\x21-\x7e]+$/.test(value);
}

// Any version and variant: the spec asks for RFC 4122 syntax, and the suite
// posts ids of variants other than the RFC one that must be accepted.
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export function isMbox(value: unknown): value is string {
  return typeof value === 'string' && /^mailto:[^@\s]+@[^@\s]+$/i.test(value);
}

export function isSha1Hex(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-fA-F]{40}$/.test(value);
}

export function isSha2Hex(value: unknown): value is string {
  // SHA-224/256 (56/64 hex), SHA-384 (96) and SHA-512 (128).
  return typeof value === 'string' && /^(?:[0-9a-fA-F]{56}|[0-9a-fA-F]{64}|[0-9a-fA-F]{96}|[0-9a-fA-F]{128})$/.test(value);
}

// RFC 5646 language tag (the full ABNF: langtag, private use and the
// grandfathered tags).
const LANGTAG = (() => {
  const alphanum = '[A-Za-z0-9]';
  // 4ALPHA is "reserved for future use" (RFC 5646 2.2.1): no valid tag has one, and the ADL suite
  // refuses e.g. "test" as a language map key.
  const language = '(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{5,8})';
  const script = '(?:-[A-Za-z]{4})';
  const region = '(?:-(?:[A-Za-z]{2}|[0-9]{3}))';
  const variant = `(?:-(?:${alphanum}{5,8}|[0-9]${alphanum}{3}))`;
  const extension = `(?:-[0-9A-WY-Za-wy-z](?:-${alphanum}{2,8})+)`;
  const privateUse = `(?:x(?:-${alphanum}{1,8})+)`;
  const langtag = `${language}${script}?${region}?${variant}*${extension}*(?:-${privateUse})?`;
  const irregular =
    'en-GB-oed|i-ami|i-bnn|i-default|i-enochian|i-hak|i-klingon|i-lux|i-mingo|i-navajo|i-pwn|i-tao|i-tay|i-tsu|sgn-BE-FR|sgn-BE-NL|sgn-CH-DE';
  const regular = 'art-lojban|cel-gaulish|no-bok|no-nyn|zh-guoyu|zh-hakka|zh-min|zh-min-nan|zh-xiang';
  return new RegExp(`^(?:${langtag}|${privateUse}|${irregular}|${regular})$`, 'i');
})();

/**
 * A well-formed RFC 5646 tag that also passes the two validity rules a
 * syntax check alone misses (section 2.2.5/2.2.6): no variant and no extension
 * singleton may appear twice ('ar-a-aaa-b-bbb-a-ccc' is refused).
 */
export function isLanguageTag(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  // Statements repeat a handful of tags (nb-NO, en-US …) thousands of times:
  // remember the answers rather than re-running the RFC 5646 grammar.
  return remembered(languageTagCache, value, checkLanguageTag);
}

const languageTagCache = new Map<string, boolean>();

function checkLanguageTag(value: string): boolean {
  if (!LANGTAG.test(value)) return false;
  const parts = value.toLowerCase().split('-');
  const privateStart = parts.indexOf('x');
  const subtags = privateStart === -1 ? parts.slice(1) : parts.slice(1, privateStart);
  const firstSingleton = subtags.findIndex((p) => p.length === 1);
  const variants = (firstSingleton === -1 ? subtags : subtags.slice(0, firstSingleton)).filter(
    (p) => p.length >= 5 || /^[0-9][a-z0-9]{3}$/.test(p),
  );
  const singletons = subtags.filter((p) => p.length === 1);
  return new Set(variants).size === variants.length && new Set(singletons).size === singletons.length;
}

// ISO 8601 duration as the spec uses it: PnYnMnDTnHnMnS (only the last
// component may be fractional) or PnW.
const DURATION = /^P(?:(?=\d|T\d)(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?D)?(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?|\d+(?:\.\d+)?W)$/;

export function isDuration(value: unknown): value is string {
  if (typeof value !== 'string' || !DURATION.test(value)) return false;
  if (!value.includes('.')) return true;
  // Only the smallest given component may carry a fraction.
  const parts = value.slice(1).replace('T', '').match(/\d+(?:\.\d+)?[YMDHSW]/g) ?? [];
  return parts.slice(0, -1).every((p) => !p.includes('.'));
}

// ISO 8601 date and time (Data 4.5 in 1.0.3, "Timestamps" in 2.0.0). Both the
// extended form (with RFC 3339's space separator, which the 2.0.0 suite posts
// as valid) and the basic form are accepted. A zone of -00:00 (RFC 3339's
// "unknown local offset") is refused in both versions, as the suite requires
// (xAPI-Spec issue 1073). Without a zone the time is read as UTC.
const EXTENDED =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;
const BASIC = /^(\d{4})(\d{2})(\d{2})[Tt](\d{2})(\d{2})(?:(\d{2})(?:[.,](\d+))?)?([Zz]|[+-]\d{2}(?:\d{2})?)?$/;

type ParsedTimestamp = { utcMs: number; fraction: string };

export function parseTimestamp(value: unknown): ParsedTimestamp | null {
  if (typeof value !== 'string') return null;
  const m = EXTENDED.exec(value) ?? BASIC.exec(value);
  if (!m) return null;
  const fraction = m[7] ?? '';
  const zone = m[8] ?? 'Z';
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    if (/^0+$/.test(digits) && zone.startsWith('-')) return null;
    const zh = Number(digits.slice(0, 2));
    const zm = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (zh > 23 || zm > 59) return null;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (zh * 60 + zm);
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  return { utcMs: local - offsetMinutes * 60_000, fraction };
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isTimestamp(value: unknown): value is string {
  return parseTimestamp(value) !== null;
}

/**
 * The same instant in UTC, extended format, keeping every fractional digit
 * the sender gave (an LRS must keep at least millisecond precision).
 */
export function toUtcTimestamp(value: string): string {
  const parsed = parseTimestamp(value);
  if (!parsed) throw new Error(`not a timestamp: ${value}`);
  const base = new Date(parsed.utcMs).toISOString().slice(0, 19);
  return `${base}${parsed.fraction ? `.${parsed.fraction}` : ''}Z`;
}

// RFC 6838 type/subtype with optional parameters.
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(?:\s*;\s*[A-Za-z0-9!#$&^_.+-]+=(?:[^;"\s]+|"[^"]*"))*\s*$/;

export function isMediaType(value: unknown): value is string {
  return typeof value === 'string' && MEDIA_TYPE.test(value);
}

export function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** The keys of an object that are not in the allowed list. */
export function unknownKeys(obj: JsonObject, allowed: readonly string[]): string[] {
  return Object.keys(obj).filter((k) => !allowed.includes(k));
}

export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

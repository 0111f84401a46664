import { reject } from '../package-rejection.js';

// Readers for typed attribute values. A value the schema does not allow is a
// MANIFEST_INVALID refusal that names the element and attribute, because a
// player that guessed its meaning would behave differently from the author's LMS.

export type ValueSite = { file: string; element: string; attribute: string };

function invalid(site: ValueSite, value: string, expected: string) {
  return reject('MANIFEST_INVALID', `${site.file}: ${site.element} has ${site.attribute}="${value}", which is not ${expected}.`, {
    file: site.file,
    element: site.element,
    attribute: site.attribute,
    value,
  });
}

/** xs:boolean: true, false, 1, 0 (surrounding white space is collapsed by the schema). */
export function readBoolean(value: string | undefined, fallback: boolean, site: ValueSite): boolean {
  if (value === undefined) return fallback;
  const v = value.trim();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw invalid(site, value, 'true or false');
}

export function readDecimal(value: string | undefined, fallback: number, site: ValueSite, range: { min: number; max: number }): number;
export function readDecimal(value: string | undefined, fallback: undefined, site: ValueSite, range: { min: number; max: number }): number | undefined;
export function readDecimal(value: string | undefined, fallback: number | undefined, site: ValueSite, range: { min: number; max: number }): number | undefined {
  if (value === undefined || value.trim() === '') return fallback;
  const v = value.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v)) throw invalid(site, value, 'a decimal number');
  const n = Number(v);
  if (n < range.min || n > range.max) throw invalid(site, value, `between ${range.min} and ${range.max}`);
  return n;
}

export function readNonNegativeInteger(value: string | undefined, site: ValueSite): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const v = value.trim();
  if (!/^\+?\d+$/.test(v) || !Number.isSafeInteger(Number(v))) throw invalid(site, value, 'a whole number of zero or more');
  return Number(v);
}

export function readEnum<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, site: ValueSite): T;
export function readEnum<T extends string>(value: string | undefined, allowed: readonly T[], fallback: undefined, site: ValueSite): T | undefined;
export function readEnum<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T | undefined, site: ValueSite): T | undefined {
  if (value === undefined) return fallback;
  const v = value.trim();
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw invalid(site, value, `one of ${allowed.join(', ')}`);
}

/** xs:duration, e.g. PT1H30M or P1DT2H; kept as written. */
export function readDuration(value: string | undefined, site: ValueSite): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const v = value.trim();
  if (!/^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/.test(v)) throw invalid(site, value, 'an ISO 8601 duration such as PT1H30M');
  return v;
}

/** xs:dateTime, kept as written. */
export function readDateTime(value: string | undefined, site: ValueSite): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const v = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(v) || Number.isNaN(Date.parse(v))) throw invalid(site, value, 'a date and time such as 2024-01-31T12:00:00Z');
  return v;
}

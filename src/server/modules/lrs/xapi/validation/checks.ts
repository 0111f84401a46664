// Small checks shared by every part of a statement. Each one records what is
// wrong under a JSON path and never throws, so one pass reports every problem.
import type { XapiVersion } from '../version.js';
import { isIri, isJsonObject, isLanguageTag, join, unknownKeys, type JsonObject, type ValidationIssue } from './primitives.js';

export class Issues {
  readonly list: ValidationIssue[] = [];
  constructor(readonly version: XapiVersion) {}

  add(path: string, message: string): void {
    this.list.push({ path, message });
  }

  addAll(issues: ValidationIssue[]): void {
    this.list.push(...issues);
  }
}

/** Records an issue unless value is a JSON object; null and arrays are not objects. */
export function expectObject(v: Issues, value: unknown, path: string, what = 'an object'): value is JsonObject {
  if (isJsonObject(value)) return true;
  v.add(path, value === null ? `must be ${what}, not null` : `must be ${what}`);
  return false;
}

/** Keys are case-sensitive: 'Actor' or 'iD' are unknown keys, not aliases. */
export function rejectUnknownKeys(v: Issues, obj: JsonObject, allowed: readonly string[], path: string, what: string): void {
  for (const key of unknownKeys(obj, allowed)) v.add(join(path, key), `is not allowed in ${what}`);
}

export function checkString(v: Issues, obj: JsonObject, key: string, path: string, required = false): void {
  if (!(key in obj)) {
    if (required) v.add(join(path, key), 'is required');
    return;
  }
  if (typeof obj[key] !== 'string') v.add(join(path, key), 'must be a string');
}

export function checkBoolean(v: Issues, obj: JsonObject, key: string, path: string): void {
  if (key in obj && typeof obj[key] !== 'boolean') v.add(join(path, key), 'must be true or false');
}

export function checkIri(v: Issues, obj: JsonObject, key: string, path: string, required = false, kind = 'an IRI'): void {
  if (!(key in obj)) {
    if (required) v.add(join(path, key), `is required and must be ${kind}`);
    return;
  }
  if (!isIri(obj[key])) v.add(join(path, key), `must be ${kind} (with a scheme)`);
}

/** A language map: RFC 5646 tags to strings (Data 4.2 / 2.0.0 4.2.7). */
export function checkLanguageMap(v: Issues, value: unknown, path: string): void {
  if (!expectObject(v, value, path, 'a language map')) return;
  // The ADL suite refuses an empty map ("a Language Map … has at least 1 entry").
  if (Object.keys(value).length === 0) v.add(path, 'must hold at least one language');
  for (const [tag, text] of Object.entries(value)) {
    if (!isLanguageTag(tag)) v.add(join(path, tag), 'is not a valid RFC 5646 language tag');
    if (typeof text !== 'string') v.add(join(path, tag), 'must be a string');
  }
}

/** Extensions: IRI keys, any JSON values (null included — the one place null is allowed). */
export function checkExtensions(v: Issues, value: unknown, path: string): void {
  if (!expectObject(v, value, path, 'an extensions object')) return;
  for (const key of Object.keys(value)) {
    if (!isIri(key)) v.add(join(path, key), 'extension keys must be IRIs');
  }
}

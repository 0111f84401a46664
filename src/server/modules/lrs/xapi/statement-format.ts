// What the LRS does to a statement on the way in (prepareForStore) and on the
// way out (formatStatement, the GET "format" parameter). Pure functions over
// JSON; the statement is assumed to have passed validateStatement.
import { isJsonObject, toUtcTimestamp, parseTimestamp, type JsonObject } from './validation/primitives.js';
import { CONTEXT_ACTIVITY_KEYS } from './validation/context.js';
import type { XapiVersion } from './version.js';

export type StatementFormat = 'exact' | 'ids' | 'canonical';

/** A statement as the LRS stores it: id, stored, authority, version and timestamp are always set. */
export type StoredStatement = JsonObject & { id: string; stored: string; authority: JsonObject; version: string; timestamp: string };

const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;
const COMPONENT_LISTS = ['choices', 'scale', 'source', 'target', 'steps'] as const;

/**
 * Data 2.4 / 2.0.0 4.2.4.2: the LRS sets id when missing, always sets stored
 * and authority (from the credentials, overwriting whatever was sent), sets
 * timestamp to stored when missing, sets version when missing (1.0.3: "1.0.0";
 * 2.0.0: "2.0.0") and returns every contextActivities value as an array.
 * Timestamps are converted to UTC (2.0.0 4.2.7 "shall convert"; 1.0.3 Data 4.5
 * allows it), keeping all fractional digits.
 */
export function prepareForStore(
  statement: object,
  opts: { id: string; stored: string; authority: object; version: XapiVersion },
): StoredStatement {
  // The input is a freshly parsed request body, so a shallow copy is enough:
  // only the parts that change (context, a SubStatement) are copied on write.
  // One Object.assign of the changes, not a spread followed by property
  // writes: on JSON.parse's objects the writes made V8 rebuild each copy's
  // layout, ~30 times slower (bench/README.md, lrs).
  const s = statement as JsonObject;
  const changes: JsonObject = {};
  if (typeof s.id !== 'string') changes.id = opts.id;
  changes.stored = opts.stored;
  changes.authority = opts.authority as JsonObject;
  changes.timestamp = typeof s.timestamp === 'string' ? utc(s.timestamp) : opts.stored;
  if (typeof s.version !== 'string') changes.version = opts.version === '1.0.3' ? '1.0.0' : '2.0.0';
  const context = withArrayContextActivities(s.context);
  if (context !== s.context) changes.context = context;
  if (isJsonObject(s.object) && s.object.objectType === 'SubStatement') changes.object = prepareSubStatement(s.object);
  return Object.assign({}, s, changes) as StoredStatement;
}

function prepareSubStatement(sub: JsonObject): JsonObject {
  const changes: JsonObject = {};
  if (typeof sub.timestamp === 'string') changes.timestamp = utc(sub.timestamp);
  const context = withArrayContextActivities(sub.context);
  if (context !== sub.context) changes.context = context;
  return Object.assign({}, sub, changes);
}

// Most clients already send UTC in the extended form: keep those as they are.
const PLAIN_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function utc(timestamp: string): string {
  if (PLAIN_UTC.test(timestamp)) return timestamp;
  return parseTimestamp(timestamp) ? toUtcTimestamp(timestamp) : timestamp;
}

/** The context with every contextActivities value as an array (a copy only when something changes). */
function withArrayContextActivities(context: unknown): any {
  if (!isJsonObject(context) || !isJsonObject(context.contextActivities)) return context;
  const ca = context.contextActivities;
  if (CONTEXT_ACTIVITY_KEYS.every((key) => !(key in ca) || Array.isArray(ca[key]))) return context;
  const copy: JsonObject = { ...ca };
  for (const key of CONTEXT_ACTIVITY_KEYS) if (key in copy && !Array.isArray(copy[key])) copy[key] = [copy[key]];
  return { ...context, contextActivities: copy };
}

/**
 * Communication 2.1.3 "format":
 * - exact: the statement as stored;
 * - ids: Agents, Groups, Activities and Verbs reduced to what identifies them
 *   (an anonymous Group keeps its members, each reduced to an IFI);
 * - canonical: Activity definitions replaced by the LRS's canonical ones when
 *   known (canonicalDefinitions, keyed by activity id) and every language map
 *   of Activities and Verbs reduced to the one language that best matches
 *   Accept-Language; Agents as in exact.
 */
export function formatStatement(
  stored: StoredStatement | JsonObject,
  format: StatementFormat,
  acceptLanguage: string | undefined,
  canonicalDefinitions?: ReadonlyMap<string, object>,
): JsonObject {
  const s = structuredClone(stored) as JsonObject;
  if (format === 'exact') return s;
  const ranges = parseAcceptLanguage(acceptLanguage);
  const transform: Transform =
    format === 'ids'
      ? { agent: agentIds, activity: activityIds, verb: (verb) => (isJsonObject(verb) ? { id: verb.id } : verb) }
      : {
          agent: (agent) => agent,
          activity: (activity) => canonicalActivity(activity, ranges, canonicalDefinitions),
          verb: (verb) => (isJsonObject(verb) && isJsonObject(verb.display) ? { ...verb, display: pickLanguage(verb.display, ranges) } : verb),
        };
  applyToStatement(s, transform);
  if ('authority' in s) s.authority = transform.agent(s.authority);
  return s;
}

type Transform = { agent: (v: unknown) => unknown; activity: (v: unknown) => unknown; verb: (v: unknown) => unknown };

/** Applies the transform to every Agent, Group, Activity and Verb of a statement or sub-statement. */
function applyToStatement(s: JsonObject, t: Transform): void {
  if ('actor' in s) s.actor = t.agent(s.actor);
  if ('verb' in s) s.verb = t.verb(s.verb);
  const object = s.object;
  if (isJsonObject(object)) {
    const type = object.objectType;
    if (type === undefined || type === 'Activity') s.object = t.activity(object);
    else if (type === 'Agent' || type === 'Group') s.object = t.agent(object);
    else if (type === 'SubStatement') applyToStatement(object, t);
  }
  const context = s.context;
  if (!isJsonObject(context)) return;
  if ('instructor' in context) context.instructor = t.agent(context.instructor);
  if ('team' in context) context.team = t.agent(context.team);
  if (isJsonObject(context.contextActivities)) {
    const ca = context.contextActivities;
    for (const key of CONTEXT_ACTIVITY_KEYS) {
      if (Array.isArray(ca[key])) ca[key] = ca[key].map(t.activity);
      else if (key in ca) ca[key] = t.activity(ca[key]);
    }
  }
  // 2.0.0 only; a 1.0.3 statement never has them.
  for (const [list, key] of [['contextAgents', 'agent'], ['contextGroups', 'group']] as const) {
    const items = context[list];
    if (!Array.isArray(items)) continue;
    for (const item of items) if (isJsonObject(item) && key in item) item[key] = t.agent(item[key]);
  }
}

function agentIds(value: unknown): unknown {
  if (!isJsonObject(value)) return value;
  const reduced: JsonObject = {};
  if ('objectType' in value) reduced.objectType = value.objectType;
  const ifi = IFIS.find((k) => k in value);
  if (ifi) reduced[ifi] = value[ifi];
  else if (Array.isArray(value.member)) reduced.member = value.member.map(agentIds);
  return reduced;
}

// An Activity is identified by its id alone (objectType "Activity" is the default, so it goes too).
function activityIds(value: unknown): unknown {
  if (!isJsonObject(value)) return value;
  return { id: value.id };
}

function canonicalActivity(value: unknown, ranges: LanguageRange[], canonical: ReadonlyMap<string, object> | undefined): unknown {
  if (!isJsonObject(value)) return value;
  const known = typeof value.id === 'string' ? canonical?.get(value.id) : undefined;
  const definition = known !== undefined ? structuredClone(known) : value.definition;
  if (!isJsonObject(definition)) return value;
  const filtered: JsonObject = { ...definition };
  for (const key of ['name', 'description'] as const) {
    if (isJsonObject(filtered[key])) filtered[key] = pickLanguage(filtered[key], ranges);
  }
  for (const list of COMPONENT_LISTS) {
    const components = filtered[list];
    if (!Array.isArray(components)) continue;
    filtered[list] = components.map((c: unknown) =>
      isJsonObject(c) && isJsonObject(c.description) ? { ...c, description: pickLanguage(c.description, ranges) } : c,
    );
  }
  return { ...value, definition: filtered };
}

export type LanguageRange = { range: string; q: number };

/** Accept-Language (RFC 9110 12.5.4) as ranges with q > 0, best first; malformed entries are skipped. */
export function parseAcceptLanguage(header: string | undefined): LanguageRange[] {
  if (!header) return [];
  const ranges: LanguageRange[] = [];
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().split(';').map((p) => p.trim());
    if (!/^(\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)$/.test(tag)) continue;
    let q = 1;
    for (const p of params) {
      const m = /^q=([01](?:\.\d{0,3})?)$/i.exec(p);
      if (m) q = Number(m[1]);
    }
    if (q > 0 && q <= 1) ranges.push({ range: tag.toLowerCase(), q });
  }
  // Array.prototype.sort is stable, so equal q keeps the sender's order.
  return ranges.sort((a, b) => b.q - a.q);
}

/**
 * The one entry of a language map that best matches the ranges: an exact
 * tag, then a more specific tag ("en" matches "en-GB"), then the range with
 * subtags dropped ("en-GB" falls back to "en", then to another "en-*").
 * Without a match — or without Accept-Language — the map's first entry.
 */
export function pickLanguage(map: JsonObject, ranges: LanguageRange[]): JsonObject {
  const keys = Object.keys(map);
  if (keys.length <= 1) return { ...map };
  const lower = keys.map((k) => k.toLowerCase());
  const choose = (i: number): JsonObject => ({ [keys[i] as string]: map[keys[i] as string] });
  for (const { range } of ranges) {
    if (range === '*') return choose(0);
    const exact = lower.indexOf(range);
    if (exact !== -1) return choose(exact);
    const narrower = lower.findIndex((k) => k.startsWith(`${range}-`));
    if (narrower !== -1) return choose(narrower);
    const parts = range.split('-');
    for (let n = parts.length - 1; n >= 1; n--) {
      const prefix = parts.slice(0, n).join('-');
      const broader = lower.findIndex((k) => k === prefix || k.startsWith(`${prefix}-`));
      if (broader !== -1) return choose(broader);
    }
  }
  return choose(0);
}

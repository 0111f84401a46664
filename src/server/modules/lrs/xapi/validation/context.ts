// Context (1.0.3 Data 2.4.6, 2.0.0 4.2.2.5) and the Statement Reference it
// may carry. 2.0.0 adds contextAgents and contextGroups; a 1.0.3 statement
// using them is refused as having unknown properties.
import { validateActor, validateAgentOnly } from '../validate-actor.js';
import { checkActivity } from './activity.js';
import { checkExtensions, checkString, expectObject, rejectUnknownKeys, type Issues } from './checks.js';
import { isIri, isJsonObject, isLanguageTag, isUuid, join, type JsonObject } from './primitives.js';

const CONTEXT_KEYS_103 = ['registration', 'instructor', 'team', 'contextActivities', 'revision', 'platform', 'language', 'statement', 'extensions'] as const;
const CONTEXT_KEYS_200 = [...CONTEXT_KEYS_103, 'contextAgents', 'contextGroups'] as const;
export const CONTEXT_ACTIVITY_KEYS = ['parent', 'grouping', 'category', 'other'] as const;

/**
 * objectIsActivity: revision and platform describe the learning activity, so
 * they are allowed only when the statement's object is an Activity.
 */
export function checkContext(v: Issues, value: unknown, path: string, objectIsActivity: boolean): void {
  if (!expectObject(v, value, path, 'a Context object')) return;
  const is200 = v.version === '2.0.0';
  rejectUnknownKeys(v, value, is200 ? CONTEXT_KEYS_200 : CONTEXT_KEYS_103, path, `a ${v.version} Context`);

  if ('registration' in value && !isUuid(value.registration)) v.add(join(path, 'registration'), 'must be a UUID');
  if ('instructor' in value) v.addAll(validateActor(value.instructor, v.version, join(path, 'instructor')));
  if ('team' in value) checkGroup(v, value.team, join(path, 'team'));
  if ('contextActivities' in value) checkContextActivities(v, value.contextActivities, join(path, 'contextActivities'));
  for (const key of ['revision', 'platform'] as const) {
    checkString(v, value, key, path);
    if (key in value && !objectIsActivity) v.add(join(path, key), 'may only be used when the object is an Activity');
  }
  if ('language' in value && !isLanguageTag(value.language)) v.add(join(path, 'language'), 'must be an RFC 5646 language tag');
  if ('statement' in value) checkStatementRef(v, value.statement, join(path, 'statement'));
  if ('extensions' in value) checkExtensions(v, value.extensions, join(path, 'extensions'));
  if (is200 && 'contextAgents' in value) checkContextAgents(v, value.contextAgents, join(path, 'contextAgents'));
  if (is200 && 'contextGroups' in value) checkContextGroups(v, value.contextGroups, join(path, 'contextGroups'));
}

export function checkStatementRef(v: Issues, value: unknown, path: string): void {
  if (!expectObject(v, value, path, 'a Statement Reference object')) return;
  rejectUnknownKeys(v, value, ['objectType', 'id'], path, 'a Statement Reference');
  if (value.objectType !== 'StatementRef') v.add(join(path, 'objectType'), 'is required and must be "StatementRef"');
  if (!isUuid(value.id)) v.add(join(path, 'id'), 'is required and must be a UUID');
}

/** A Group where only a Group may stand (context.team, contextGroups[].group). */
function checkGroup(v: Issues, value: unknown, path: string): void {
  if (isJsonObject(value) && value.objectType !== 'Group') {
    v.add(join(path, 'objectType'), 'must be "Group"');
    return;
  }
  v.addAll(validateActor(value, v.version, path));
}

function checkContextActivities(v: Issues, value: unknown, path: string): void {
  if (!expectObject(v, value, path, 'a contextActivities object')) return;
  // 1.0.3: "contextActivities contains one or more key/value pairs" (the suite
  // posts {} and expects 400). The 2.0.0 requirements dropped that rule
  // (XAPI-00095 was removed), so an empty object is accepted there.
  if (v.version === '1.0.3' && Object.keys(value).length === 0) v.add(path, 'must contain at least one of parent, grouping, category, other');
  rejectUnknownKeys(v, value, CONTEXT_ACTIVITY_KEYS, path, 'contextActivities');
  for (const key of CONTEXT_ACTIVITY_KEYS) {
    if (!(key in value)) continue;
    const entry = value[key];
    const p = join(path, key);
    if (Array.isArray(entry)) entry.forEach((activity, i) => checkActivity(v, activity, join(p, i)));
    else checkActivity(v, entry, p);
  }
}

function checkContextAgents(v: Issues, value: unknown, path: string): void {
  checkRelationships(v, value, path, 'contextAgent', 'agent', (member, p) => v.addAll(validateAgentOnly(member, v.version, p)));
}

function checkContextGroups(v: Issues, value: unknown, path: string): void {
  checkRelationships(v, value, path, 'contextGroup', 'group', (member, p) => checkGroup(v, member, p));
}

/** contextAgents / contextGroups (2.0.0 only): arrays of {objectType, agent|group, relevantTypes?}. */
function checkRelationships(
  v: Issues,
  value: unknown,
  path: string,
  objectType: 'contextAgent' | 'contextGroup',
  memberKey: 'agent' | 'group',
  checkMember: (member: unknown, path: string) => void,
): void {
  if (!Array.isArray(value)) {
    v.add(path, `must be an array of ${objectType} objects`);
    return;
  }
  value.forEach((item: unknown, i) => {
    const p = join(path, i);
    if (!expectObject(v, item, p, `a ${objectType} object`)) return;
    rejectUnknownKeys(v, item, ['objectType', memberKey, 'relevantTypes'], p, `a ${objectType}`);
    if (item.objectType !== objectType) v.add(join(p, 'objectType'), `is required and must be "${objectType}"`);
    if (!(memberKey in item)) v.add(join(p, memberKey), 'is required');
    else checkMember(item[memberKey], join(p, memberKey));
    if ('relevantTypes' in item) checkRelevantTypes(v, item, join(p, 'relevantTypes'));
  });
}

function checkRelevantTypes(v: Issues, item: JsonObject, path: string): void {
  const types = item.relevantTypes;
  if (!Array.isArray(types) || types.length === 0) {
    v.add(path, 'must be a non-empty array of IRIs');
    return;
  }
  types.forEach((t, i) => !isIri(t) && v.add(join(path, i), 'must be an IRI'));
}

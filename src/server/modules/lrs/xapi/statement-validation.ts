// Statement validation: every structural MUST/SHALL of the Data section of
// xAPI 1.0.3 (Data 2.2–2.6, 4) and 2.0.0 (4.2.1–4.2.7), as one pure function.
// Each part lives in validation/*.ts; version differences are marked there
// and below with "1.0.3" / "2.0.0".
import { validateActor, validateAgentOnly } from './validate-actor.js';
import { checkActivity, isActivityObject } from './validation/activity.js';
import { checkAttachments } from './validation/attachments.js';
import { checkIri, checkLanguageMap, expectObject, Issues, rejectUnknownKeys } from './validation/checks.js';
import { checkContext, checkStatementRef } from './validation/context.js';
import { isJsonObject, isTimestamp, isUuid, join, type JsonObject, type ValidationIssue } from './validation/primitives.js';
import { checkResult } from './validation/result.js';
import type { XapiVersion } from './version.js';

export type { ValidationIssue } from './validation/primitives.js';

export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

const STATEMENT_KEYS = ['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments'] as const;
// A SubStatement has no id, stored, version or authority (Data 2.4.4.3).
const SUBSTATEMENT_KEYS = ['objectType', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'attachments'] as const;

/**
 * Returns every problem found ([] = valid). With substatement: true the input
 * is checked as the object of another statement.
 */
export function validateStatement(input: unknown, version: XapiVersion, opts: { substatement?: boolean } = {}): ValidationIssue[] {
  const v = new Issues(version);
  if (opts.substatement) checkSubStatement(v, input, '');
  else checkStatement(v, input, '');
  return v.list;
}

function checkStatement(v: Issues, value: unknown, path: string): void {
  if (!expectObject(v, value, path || 'statement', 'a Statement object')) return;
  rejectUnknownKeys(v, value, STATEMENT_KEYS, path, 'a Statement');
  if ('id' in value && !isUuid(value.id)) v.add(join(path, 'id'), 'must be a UUID in its standard string form');
  checkCore(v, value, path, false);
  if ('stored' in value && !isTimestamp(value.stored)) v.add(join(path, 'stored'), 'must be an ISO 8601 timestamp');
  if ('authority' in value) checkAuthority(v, value.authority, join(path, 'authority'));
  if ('version' in value) checkVersion(v, value.version, join(path, 'version'));

  // Data 2.3.2 / 4.2.5: a voiding statement must point at the statement it voids.
  const verb = value.verb;
  if (isJsonObject(verb) && verb.id === VOIDED_VERB && isJsonObject(value.object) && value.object.objectType !== 'StatementRef') {
    v.add(join(path, 'object'), 'a statement with the "voided" verb must have a StatementRef object');
  }
}

function checkSubStatement(v: Issues, value: unknown, path: string): void {
  if (!expectObject(v, value, path || 'object', 'a SubStatement object')) return;
  rejectUnknownKeys(v, value, SUBSTATEMENT_KEYS, path, 'a SubStatement');
  if (value.objectType !== 'SubStatement') v.add(join(path, 'objectType'), 'must be "SubStatement"');
  checkCore(v, value, path, true);
}

/** What statements and sub-statements share: actor, verb, object, result, context, timestamp, attachments. */
function checkCore(v: Issues, s: JsonObject, path: string, inSubStatement: boolean): void {
  for (const key of ['actor', 'verb', 'object'] as const) {
    if (!(key in s)) v.add(join(path, key), 'is required');
  }
  if ('actor' in s) v.addAll(validateActor(s.actor, v.version, join(path, 'actor')));
  if ('verb' in s) checkVerb(v, s.verb, join(path, 'verb'));
  if ('object' in s) checkObject(v, s.object, join(path, 'object'), inSubStatement);
  if ('result' in s) checkResult(v, s.result, join(path, 'result'));
  if ('context' in s) checkContext(v, s.context, join(path, 'context'), isActivityObject(s.object));
  if ('timestamp' in s && !isTimestamp(s.timestamp)) v.add(join(path, 'timestamp'), 'must be an ISO 8601 timestamp');
  if ('attachments' in s) checkAttachments(v, s.attachments, join(path, 'attachments'));
}

function checkVerb(v: Issues, value: unknown, path: string): void {
  if (!expectObject(v, value, path, 'a Verb object')) return;
  rejectUnknownKeys(v, value, ['id', 'display'], path, 'a Verb');
  checkIri(v, value, 'id', path, true);
  if ('display' in value) checkLanguageMap(v, value.display, join(path, 'display'));
}

function checkObject(v: Issues, value: unknown, path: string, inSubStatement: boolean): void {
  if (!expectObject(v, value, path, 'an Activity, Agent, Group, StatementRef or SubStatement object')) return;
  // An object without objectType is an Activity; Agents and Groups used as
  // objects must say so (Data 2.4.4.2), so an agent-shaped object without it
  // fails as an Activity without an id.
  switch (value.objectType) {
    case undefined:
    case 'Activity':
      return checkActivity(v, value, path);
    case 'Agent':
    case 'Group':
      return v.addAll(validateActor(value, v.version, path));
    case 'StatementRef':
      return checkStatementRef(v, value, path);
    case 'SubStatement':
      if (inSubStatement) return v.add(join(path, 'objectType'), 'a SubStatement must not contain another SubStatement');
      return checkSubStatement(v, value, path);
    default:
      v.add(join(path, 'objectType'), 'must be one of Activity, Agent, Group, StatementRef, SubStatement');
  }
}

/**
 * Data 2.4.9 (both versions): an Agent, or — for three-legged OAuth — an
 * anonymous Group of exactly two Agents. The LRS overwrites it anyway, but a
 * malformed one still makes the statement invalid.
 */
function checkAuthority(v: Issues, value: unknown, path: string): void {
  if (!isJsonObject(value) || value.objectType !== 'Group') {
    v.addAll(validateAgentOnly(value, v.version, path));
    return;
  }
  const issues = validateActor(value, v.version, path);
  v.addAll(issues);
  if (issues.length > 0) return;
  if (['mbox', 'mbox_sha1sum', 'openid', 'account'].some((k) => k in value)) v.add(path, 'an authority Group must be anonymous');
  if (!Array.isArray(value.member) || value.member.length !== 2) v.add(join(path, 'member'), 'an authority Group must have exactly two members');
}

/**
 * 1.0.3 (Data 2.4.10): "1.0" or "1.0.x" only. 2.0.0 (4.2.4.2) asks LRSs not to
 * reject an otherwise valid statement for its version, and 2.0 LRSs store
 * 1.0.x statements too, so 2.0.0 accepts 1.0[.x] and 2.0[.x]. Anything else
 * (another major/minor, or not a version at all) is refused in both.
 */
function checkVersion(v: Issues, value: unknown, path: string): void {
  const pattern = v.version === '1.0.3' ? /^1\.0(\.\d+)?$/ : /^(1|2)\.0(\.\d+)?$/;
  if (typeof value !== 'string' || !pattern.test(value)) {
    v.add(path, v.version === '1.0.3' ? 'must be "1.0" or "1.0.x"' : 'must be "1.0.x" or "2.0.x"');
  }
}

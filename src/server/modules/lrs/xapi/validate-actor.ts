// Agents and Groups (Data 2.4.2 in 1.0.3, 4.2.2.1 in 2.0.0). The rules are
// the same in both versions: an Agent, and an identified Group, carry exactly
// one inverse functional identifier (IFI); an anonymous Group has none and
// lists its members; members are Agents, never Groups; nothing else may appear.
import type { XapiVersion } from './version.js';
import {
  isAbsoluteUri,
  isIrl,
  isJsonObject,
  isMbox,
  isSha1Hex,
  join,
  unknownKeys,
  type JsonObject,
  type ValidationIssue,
} from './validation/primitives.js';

export type { ValidationIssue } from './validation/primitives.js';

const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;
const AGENT_KEYS = ['objectType', 'name', ...IFIS] as const;
const GROUP_KEYS = ['objectType', 'name', 'member', ...IFIS] as const;

/** An Agent or a Group (anonymous or identified), wherever a statement allows either. */
export function validateActor(input: unknown, version: XapiVersion, path: string): ValidationIssue[] {
  if (!isJsonObject(input)) return [{ path, message: 'must be an Agent or Group object' }];
  const objectType = input.objectType;
  if (objectType === 'Group') return validateGroup(input, version, path);
  if (objectType === undefined || objectType === 'Agent') return validateAgentObject(input, path);
  return [{ path: join(path, 'objectType'), message: 'must be "Agent" or "Group"' }];
}

/**
 * An Agent only: the agent parameter of the State and Agent Profile resources
 * and of GET /agents is "an Agent object" (Communication 2.3, 2.6, 2.4), so a
 * Group — even an identified one — is refused there.
 */
export function validateAgentOnly(input: unknown, _version: XapiVersion, path: string): ValidationIssue[] {
  if (!isJsonObject(input)) return [{ path, message: 'must be an Agent object' }];
  if (input.objectType !== undefined && input.objectType !== 'Agent') {
    return [{ path: join(path, 'objectType'), message: 'must be "Agent" (a Group is not allowed here)' }];
  }
  return validateAgentObject(input, path);
}

function validateAgentObject(agent: JsonObject, path: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const key of unknownKeys(agent, AGENT_KEYS)) {
    issues.push({ path: join(path, key), message: key === 'member' ? 'only a Group has members' : 'is not an Agent property' });
  }
  validateName(agent, path, issues);
  const count = validateIfis(agent, path, issues);
  if (count !== 1) issues.push({ path, message: `an Agent must have exactly one of mbox, mbox_sha1sum, openid, account (found ${count})` });
  return issues;
}

function validateGroup(group: JsonObject, _version: XapiVersion, path: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const key of unknownKeys(group, GROUP_KEYS)) issues.push({ path: join(path, key), message: 'is not a Group property' });
  validateName(group, path, issues);
  const count = validateIfis(group, path, issues);
  if (count > 1) issues.push({ path, message: `a Group must not have more than one of mbox, mbox_sha1sum, openid, account (found ${count})` });

  const members = group.member;
  const memberPath = join(path, 'member');
  if (members === undefined) {
    if (count === 0) issues.push({ path: memberPath, message: 'an anonymous Group must list its members' });
    return issues;
  }
  if (!Array.isArray(members)) {
    issues.push({ path: memberPath, message: 'must be an array of Agents' });
    return issues;
  }
  if (count === 0 && members.length === 0) issues.push({ path: memberPath, message: 'an anonymous Group must have at least one member' });
  members.forEach((member, i) => {
    const p = join(memberPath, i);
    if (isJsonObject(member) && member.objectType === 'Group') {
      issues.push({ path: join(p, 'objectType'), message: 'a Group must not contain Groups' });
      return;
    }
    issues.push(...validateAgentOnly(member, _version, p));
  });
  return issues;
}

function validateName(obj: JsonObject, path: string, issues: ValidationIssue[]): void {
  if ('name' in obj && typeof obj.name !== 'string') issues.push({ path: join(path, 'name'), message: 'must be a string' });
}

/** Checks each IFI present and returns how many there are. */
function validateIfis(obj: JsonObject, path: string, issues: ValidationIssue[]): number {
  let count = 0;
  if ('mbox' in obj) {
    count++;
    if (!isMbox(obj.mbox)) issues.push({ path: join(path, 'mbox'), message: 'must be a "mailto:" IRI of an e-mail address' });
  }
  if ('mbox_sha1sum' in obj) {
    count++;
    if (!isSha1Hex(obj.mbox_sha1sum)) issues.push({ path: join(path, 'mbox_sha1sum'), message: 'must be the hex-encoded SHA-1 of a mailto IRI (40 hex digits)' });
  }
  if ('openid' in obj) {
    count++;
    if (!isAbsoluteUri(obj.openid)) issues.push({ path: join(path, 'openid'), message: 'must be an absolute URI' });
  }
  if ('account' in obj) {
    count++;
    issues.push(...validateAccount(obj.account, join(path, 'account')));
  }
  return count;
}

function validateAccount(account: unknown, path: string): ValidationIssue[] {
  if (!isJsonObject(account)) return [{ path, message: 'must be an object with homePage and name' }];
  const issues: ValidationIssue[] = [];
  for (const key of unknownKeys(account, ['homePage', 'name'])) issues.push({ path: join(path, key), message: 'is not an account property' });
  if (!isIrl(account.homePage)) issues.push({ path: join(path, 'homePage'), message: 'is required and must be an IRL' });
  if (typeof account.name !== 'string') issues.push({ path: join(path, 'name'), message: 'is required and must be a string' });
  return issues;
}

import { withTenant } from '../../../db/tenant.js';
import { guardCmi5Agent } from '../../cmi5/cmi5-lrs-hooks.js';
import { recentActorsMentioning } from '../documents.repository.js';
import { agentKey, type AgentLike } from '../xapi/identity.js';
import type { XapiResource } from '../xapi/request.js';
import { xapiError } from '../xapi/xapi-error.js';
import { agentParamKey, refuseUnknownParams } from './documents.resource.js';

/** The Person object of Communication 2.4: every Agent property as an array, identifiers included. */
type Person = {
  objectType: 'Person';
  name?: string[];
  mbox?: string[];
  mbox_sha1sum?: string[];
  openid?: string[];
  account?: { homePage: string; name: string }[];
};

function personOf(agent: AgentLike, names: string[]): Person {
  const person: Person = { objectType: 'Person' };
  if (names.length > 0) person.name = names;
  if (agent.mbox !== undefined) person.mbox = [agent.mbox];
  if (agent.mbox_sha1sum !== undefined) person.mbox_sha1sum = [agent.mbox_sha1sum];
  if (agent.openid !== undefined) person.openid = [agent.openid];
  if (agent.account !== undefined) person.account = [{ homePage: agent.account.homePage, name: agent.account.name }];
  return person;
}

/**
 * GET /agents?agent=…: a Person built from the agent asked for and the names
 * statements in this municipality have used for that same identity. The LRS
 * links no other identities to it (it has no directory to do so), which the
 * spec allows: the Person then holds only the requested agent's identifier.
 */
export const agentsResource: XapiResource = {
  GET: async (deps, request) => {
    refuseUnknownParams(request.params, ['agent']);
    if (request.params.agent === undefined) throw xapiError.bad('The agent parameter is required.');
    if (request.auth.scope !== 'full') guardCmi5Agent(request);
    const key = agentParamKey(request.params.agent, request.version);
    const agent = JSON.parse(request.params.agent) as AgentLike;
    const municipalityId = request.auth.municipalityId;
    const actors = await withTenant(deps.db, municipalityId, (tx) => recentActorsMentioning(tx, municipalityId, key));
    const names = new Set<string>();
    if (typeof agent.name === 'string') names.add(agent.name);
    for (const actor of actors) {
      if (typeof actor !== 'object' || actor === null) continue;
      const a = actor as AgentLike;
      if (typeof a.name === 'string' && a.objectType !== 'Group' && agentKey(a) === key) names.add(a.name);
    }
    return { status: 200, body: personOf(agent, [...names]) };
  },
};

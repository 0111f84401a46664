import { agentAndMemberKeys, type AgentLike } from './identity.js';

// The filter columns of a stored statement, computed once at write time so
// that GET /statements filters read indexed columns and never the JSON.

type Json = Record<string, any>;

export type StatementIndex = {
  verbId: string;
  registration: string | null;
  /** Actor and object (Agents, identified Groups and their members): the `agent` filter. */
  agentKeys: string[];
  /** agentKeys plus authority, instructor, team, 2.0 contextAgents/contextGroups and those of a SubStatement: `related_agents`. */
  relatedAgentKeys: string[];
  /** The object, when it is an Activity: the `activity` filter. */
  activityIds: string[];
  /** activityIds plus context activities and a SubStatement's: `related_activities`. */
  relatedActivityIds: string[];
  /** The object's id when the object is a StatementRef. */
  refTarget: string | null;
  /** The voided statement's id when this is a voiding statement. */
  voids: string | null;
  attachmentHashes: string[] | null;
};

export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

function isAgentOrGroup(o: Json | undefined): o is AgentLike {
  return !!o && (o.objectType === 'Agent' || o.objectType === 'Group' || o.objectType === undefined);
}

function contextActivityIds(context: Json | undefined): string[] {
  const ids: string[] = [];
  const ca = context?.contextActivities;
  if (ca && typeof ca === 'object') {
    for (const kind of ['parent', 'grouping', 'category', 'other']) {
      const value = ca[kind];
      for (const a of Array.isArray(value) ? value : value ? [value] : []) if (typeof a?.id === 'string') ids.push(a.id);
    }
  }
  return ids;
}

function contextAgentKeys(context: Json | undefined): string[] {
  const keys: string[] = [];
  if (!context) return keys;
  if (context.instructor) keys.push(...agentAndMemberKeys(context.instructor));
  if (context.team) keys.push(...agentAndMemberKeys(context.team));
  for (const ca of Array.isArray(context.contextAgents) ? context.contextAgents : []) if (ca?.agent) keys.push(...agentAndMemberKeys(ca.agent));
  for (const cg of Array.isArray(context.contextGroups) ? context.contextGroups : []) if (cg?.group) keys.push(...agentAndMemberKeys(cg.group));
  return keys;
}

/** Agents and activities of a statement or SubStatement body (actor, object, context). */
function collect(body: Json, into: { agents: Set<string>; related: Set<string>; activities: Set<string>; relatedActivities: Set<string> }, top: boolean) {
  const actorKeys = body.actor ? agentAndMemberKeys(body.actor) : [];
  const object = body.object as Json | undefined;
  const objectType = object?.objectType ?? 'Activity';
  const objectAgentKeys = object && (objectType === 'Agent' || objectType === 'Group') && isAgentOrGroup(object) ? agentAndMemberKeys(object) : [];
  for (const k of [...actorKeys, ...objectAgentKeys]) {
    if (top) into.agents.add(k);
    into.related.add(k);
  }
  for (const k of contextAgentKeys(body.context)) into.related.add(k);
  if (objectType === 'Activity' && typeof object?.id === 'string') {
    if (top) into.activities.add(object.id);
    into.relatedActivities.add(object.id);
  }
  for (const id of contextActivityIds(body.context)) into.relatedActivities.add(id);
  if (objectType === 'SubStatement' && object) collect(object, into, false);
}

export function indexStatement(statement: Json): StatementIndex {
  const sets = { agents: new Set<string>(), related: new Set<string>(), activities: new Set<string>(), relatedActivities: new Set<string>() };
  collect(statement, sets, true);
  if (statement.authority) for (const k of agentAndMemberKeys(statement.authority)) sets.related.add(k);
  const object = statement.object as Json;
  const refTarget = object?.objectType === 'StatementRef' && typeof object.id === 'string' ? object.id.toLowerCase() : null;
  const verbId = String(statement.verb?.id ?? '');
  const hashes = Array.isArray(statement.attachments) ? statement.attachments.map((a: Json) => String(a.sha2)) : [];
  return {
    verbId,
    registration: typeof statement.context?.registration === 'string' ? statement.context.registration.toLowerCase() : null,
    agentKeys: [...sets.agents],
    relatedAgentKeys: [...sets.related],
    activityIds: [...sets.activities],
    relatedActivityIds: [...sets.relatedActivities],
    refTarget,
    voids: verbId === VOIDED_VERB ? refTarget : null,
    attachmentHashes: hashes.length > 0 ? hashes : null,
  };
}

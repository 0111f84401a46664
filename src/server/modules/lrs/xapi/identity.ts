// Text keys for the identities xAPI compares: an Agent or identified Group is
// the same when it carries the same inverse functional identifier (IFI), and an
// Activity when it has the same id. Keys are what the statement table's filter
// columns and the document table's agent column hold.

export type Account = { homePage: string; name: string };
export type AgentLike = {
  objectType?: string;
  name?: string;
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: Account;
  member?: AgentLike[];
};

/** The IFI key of an Agent or identified Group, or null for an anonymous Group. */
export function agentKey(agent: AgentLike): string | null {
  if (typeof agent.mbox === 'string') return `mbox:${agent.mbox.toLowerCase()}`;
  if (typeof agent.mbox_sha1sum === 'string') return `mbox_sha1sum:${agent.mbox_sha1sum.toLowerCase()}`;
  if (typeof agent.openid === 'string') return `openid:${agent.openid}`;
  if (agent.account && typeof agent.account.homePage === 'string' && typeof agent.account.name === 'string') {
    return `account:${agent.account.homePage}|${agent.account.name}`;
  }
  return null;
}

/** The keys an agent filter matches: the agent (or identified group) and, for a group, its members. */
export function agentAndMemberKeys(agent: AgentLike): string[] {
  const keys: string[] = [];
  const own = agentKey(agent);
  if (own) keys.push(own);
  if (Array.isArray(agent.member)) for (const m of agent.member) {
    const k = agentKey(m);
    if (k) keys.push(k);
  }
  return keys;
}

/** How Mestring names its own people in statements: an account on this deployment. */
export function personAgent(publicUrl: string, personId: string, displayName?: string): AgentLike {
  return { objectType: 'Agent', ...(displayName ? { name: displayName } : {}), account: { homePage: publicUrl, name: personId } };
}

export function personAgentKey(publicUrl: string, personId: string): string {
  return `account:${publicUrl}|${personId}`;
}

import type { LrsStatementRow } from '../../../../shared/api/lrs.js';
import type { Language } from '../../../../shared/domain.js';

// One line per statement for people browsing the store: who did what to which
// object, with the verb and activity named in the reader's language. Statements
// come from any content vendor, so nothing here trusts their shape beyond what
// the LRS validated on the way in.

type Json = Record<string, any>;

/** Languages to try, best first, for a reader of each of our languages: the Scandinavian ones read each other. */
const PREFERENCES: Record<Language, string[]> = {
  nb: ['nb', 'no', 'nn', 'da', 'sv', 'en'],
  nn: ['nn', 'no', 'nb', 'da', 'sv', 'en'],
  sv: ['sv', 'nb', 'no', 'da', 'nn', 'en'],
  da: ['da', 'nb', 'no', 'sv', 'nn', 'en'],
  en: ['en'],
};

/** The value of a language map in the best language for `lang`, or null when the map is empty or missing. */
export function bestLanguageValue(map: unknown, lang: Language): string | null {
  if (!map || typeof map !== 'object' || Array.isArray(map)) return null;
  const entries = Object.entries(map as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string');
  if (entries.length === 0) return null;
  const primary = (tag: string) => tag.toLowerCase().split('-')[0];
  for (const want of PREFERENCES[lang]) {
    // An exact tag ("nb") before a regional one ("nb-NO"), then any region of it.
    const exact = entries.find(([tag]) => tag.toLowerCase() === want);
    if (exact) return exact[1];
    const regional = entries.find(([tag]) => primary(tag) === want);
    if (regional) return regional[1];
  }
  return entries[0]![1];
}

/** An agent's inverse functional identifier as readable text. */
export function ifiText(agent: Json | undefined): string | null {
  if (!agent) return null;
  if (typeof agent.mbox === 'string') return agent.mbox;
  if (typeof agent.mbox_sha1sum === 'string') return `sha1:${agent.mbox_sha1sum}`;
  if (typeof agent.openid === 'string') return agent.openid;
  if (agent.account && typeof agent.account.name === 'string' && typeof agent.account.homePage === 'string') {
    return `${agent.account.name} (${agent.account.homePage})`;
  }
  return null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The person id when the agent is one of this deployment's people (see identity.personAgent). */
export function mestringPersonId(agent: Json | undefined, publicUrl: string): string | null {
  const account = agent?.account;
  if (!account || account.homePage !== publicUrl || typeof account.name !== 'string' || !UUID.test(account.name)) return null;
  return account.name.toLowerCase();
}

function agentDisplay(agent: Json | undefined, personName: string | undefined): string {
  if (!agent) return '';
  if (typeof agent.name === 'string' && agent.name.trim()) return agent.name;
  if (personName) return personName;
  const ifi = ifiText(agent);
  if (ifi) return ifi;
  // An anonymous group: its members are all there is to name it by.
  const members = Array.isArray(agent.member) ? agent.member.map((m: Json) => agentDisplay(m, undefined)).filter(Boolean) : [];
  return members.slice(0, 5).join(', ') + (members.length > 5 ? ', …' : '');
}

function objectSummary(object: Json | undefined, lang: Language): LrsStatementRow['object'] {
  const objectType = typeof object?.objectType === 'string' ? object.objectType : 'Activity';
  if (!object) return { objectType, id: null, name: null };
  if (objectType === 'Agent' || objectType === 'Group') {
    return { objectType, id: ifiText(object), name: typeof object.name === 'string' ? object.name : null };
  }
  if (objectType === 'SubStatement') {
    const verb = bestLanguageValue(object.verb?.display, lang) ?? (typeof object.verb?.id === 'string' ? object.verb.id : null);
    return { objectType, id: null, name: verb };
  }
  return {
    objectType,
    id: typeof object.id === 'string' ? object.id : null,
    name: objectType === 'Activity' ? bestLanguageValue(object.definition?.name, lang) : null,
  };
}

function resultSummary(result: Json | undefined): LrsStatementRow['result'] {
  if (!result || typeof result !== 'object') return null;
  const scaled = result.score?.scaled;
  return {
    success: typeof result.success === 'boolean' ? result.success : null,
    completion: typeof result.completion === 'boolean' ? result.completion : null,
    scaled: typeof scaled === 'number' ? scaled : null,
  };
}

export type StoredStatement = { id: string; stored: Date; voided: boolean; statement: unknown };

/** The browser's line for one stored statement; `personNames` names this municipality's people by id. */
export function summarizeStatement(row: StoredStatement, lang: Language, publicUrl: string, personNames: Map<string, string>): LrsStatementRow {
  const s = (row.statement ?? {}) as Json;
  const actor = s.actor as Json | undefined;
  const personId = mestringPersonId(actor, publicUrl);
  return {
    id: row.id,
    stored: row.stored.toISOString(),
    timestamp: typeof s.timestamp === 'string' ? s.timestamp : null,
    actor: {
      objectType: typeof actor?.objectType === 'string' ? actor.objectType : 'Agent',
      display: agentDisplay(actor, personId ? personNames.get(personId) : undefined),
      ifi: ifiText(actor),
      personId,
    },
    verb: { id: typeof s.verb?.id === 'string' ? s.verb.id : '', display: bestLanguageValue(s.verb?.display, lang) },
    object: objectSummary(s.object, lang),
    result: resultSummary(s.result),
    voided: row.voided,
  };
}

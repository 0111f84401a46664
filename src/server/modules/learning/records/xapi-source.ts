import type { LearningStatus } from '../../../db/schema.js';
import type { TenantTx } from '../../../db/tenant.js';
import { recordLearning } from './learning-records.js';
import { existingPersonIds, itemsForSource, personIdOfAccount } from './source-targets.js';

// xAPI statements as a source: a statement stored in a municipality's LRS
// whose actor is one of its people (personAgent: an account on this
// deployment named by the person id), whose object is the activity of an
// item of kind 'xapi', and whose verb is ADL's completed, passed or failed,
// is recorded against that item, in the LRS's storing transaction, with the
// statement id. Everything else costs only the in-memory filter below, which
// matters on the LRS's hot path. A later voiding statement does not undo a
// completion: the history records what was reported at the time.

const VERBS: Record<string, LearningStatus> = {
  'http://adlnet.gov/expapi/verbs/completed': 'completed',
  'http://adlnet.gov/expapi/verbs/passed': 'passed',
  'http://adlnet.gov/expapi/verbs/failed': 'failed',
};

type Json = Record<string, any>;
export type StoredStatement = { id: string; stored: string; statement: object };

type Candidate = { statementId: string; personId: string; activityId: string; status: LearningStatus; at: Date; score: number | null };

function candidateOf(publicUrl: string, row: StoredStatement): Candidate | null {
  const s = row.statement as Json;
  const status = VERBS[s.verb?.id];
  if (!status) return null;
  if ((s.actor?.objectType ?? 'Agent') !== 'Agent' || (s.object?.objectType ?? 'Activity') !== 'Activity' || typeof s.object?.id !== 'string') return null;
  const personId = personIdOfAccount(publicUrl, s.actor.account);
  if (!personId) return null;
  const scaled = s.result?.score?.scaled;
  const at = new Date(typeof s.timestamp === 'string' ? s.timestamp : row.stored);
  return { statementId: row.id, personId, activityId: s.object.id, status, at: Number.isNaN(at.getTime()) ? new Date(row.stored) : at, score: typeof scaled === 'number' ? scaled : null };
}

/** Call with the statements a batch newly inserted (a retried statement is not a new event). */
export async function recordXapiStatements(tx: TenantTx, publicUrl: string, municipalityId: string, rows: StoredStatement[]): Promise<void> {
  const candidates = rows.map((r) => candidateOf(publicUrl, r)).filter((c): c is Candidate => c !== null);
  if (candidates.length === 0) return;
  const items = await itemsForSource(tx, municipalityId, 'xapi', [...new Set(candidates.map((c) => c.activityId))]);
  if (items.length === 0) return;
  const persons = await existingPersonIds(tx, municipalityId, candidates.map((c) => c.personId));
  for (const c of candidates) {
    if (!persons.has(c.personId)) continue;
    for (const item of items.filter((i) => i.key === c.activityId)) {
      await recordLearning(tx, municipalityId, c.personId, item, { status: c.status, at: c.at, source: 'xapi', scoreScaled: c.score, statementId: c.statementId });
    }
  }
}

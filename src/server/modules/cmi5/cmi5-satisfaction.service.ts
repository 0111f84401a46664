import { withTenant } from '../../db/tenant.js';
import type { AppDeps } from '../../http/context.js';
import { mestringAuthority, type LrsAuth } from '../lrs/lrs-auth.js';
import { storeStatements } from '../lrs/statements.service.js';
import { newlySatisfied } from './cmi5.course.js';
import { loadCourse } from './cmi5.courses.js';
import { auStates, claimSatisfied, findRegistration, releaseSatisfied, satisfiedNodeIds } from './cmi5.repository.js';
import { satisfiedStatement } from './cmi5.statements.js';
import { recordCmi5Satisfied } from '../learning/records/cmi5-source.js';

// The LMS's own statements go into the municipality's LRS like any other,
// validated by it, under the LMS as authority. "Satisfied" (cmi5 9.3.9) is
// issued once per block and course and registration: cmi5_satisfied claims a
// node before its statement is stored, so two requests finishing the last AU
// at the same moment do not both issue it.

export function lmsAuth(deps: Pick<AppDeps, 'config'>, municipalityId: string): LrsAuth {
  return mestringAuthority(deps.config.publicUrl, municipalityId, 'Mestring LMS', 'mestring-cmi5-lms');
}

export async function storeLmsStatements(deps: AppDeps, municipalityId: string, statements: object[]): Promise<void> {
  if (statements.length > 0) await storeStatements(deps, lmsAuth(deps, municipalityId), '1.0.3', statements, new Map());
}

/**
 * Issues "satisfied" for every block (inner ones first) and then the course
 * whose AUs all meet their moveOn criteria now, under the given session id
 * (the AU's launch session, or one of the LMS's own: 9.6.1). Returns how many
 * it issued.
 */
export async function issueSatisfied(deps: AppDeps, municipalityId: string, registrationId: string, sessionId: string): Promise<number> {
  const publicUrl = deps.config.publicUrl;
  const planned = await withTenant(deps.db, municipalityId, async (tx) => {
    const registration = await findRegistration(tx, municipalityId, registrationId);
    if (!registration) return [];
    const course = await loadCourse(tx, publicUrl, municipalityId, registration.package_id, registration.package_version_id);
    if (!course) return [];
    const states = await auStates(tx, municipalityId, registrationId);
    const nodes = newlySatisfied(
      course,
      (au) => {
        const s = states.get(au.id);
        return { completed: !!s?.completed_at, passed: !!s?.passed_at, waived: !!s?.waived_at };
      },
      await satisfiedNodeIds(tx, municipalityId, registrationId),
    );
    const subject = { actor: registration.actor, registration: registrationId, sessionId };
    const statements = nodes.map((node) => ({ node, statement: satisfiedStatement(subject, node) }));
    const claimed = await claimSatisfied(
      tx,
      municipalityId,
      registrationId,
      statements.map((s) => ({ nodeId: s.node.publisherId, kind: s.node.kind, sessionId, statementId: s.statement.id as string })),
    );
    const issued = statements.filter((s) => claimed.has(s.node.publisherId));
    await recordCmi5Satisfied(tx, publicUrl, municipalityId, registration, issued);
    return issued;
  });
  if (planned.length === 0) return 0;
  try {
    await storeLmsStatements(
      deps,
      municipalityId,
      planned.map((p) => p.statement),
    );
  } catch (err) {
    // Give the claims back, so a later evaluation issues the statements.
    await withTenant(deps.db, municipalityId, (tx) => releaseSatisfied(tx, municipalityId, registrationId, planned.map((p) => p.node.publisherId)));
    throw err;
  }
  return planned.length;
}

import type { CompletionStatus, CourseReport, SuccessStatus } from '../../shared/api/player';
import type { CourseSession } from '../../server/modules/packages/scorm/sequencing/course-session';

// What the player tells the server about a SCORM 2004 course after each SCO
// session and navigation: the state the next launch needs, and the course's
// own status, which is the root activity's after the sequencer's rollup.

const COMPLETION: Record<string, CompletionStatus> = { completed: 'completed', incomplete: 'incomplete', 'not attempted': 'not_attempted' };

export function courseReport(session: CourseSession, suspendedByContent?: { item: string; cmi: Record<string, unknown> }): CourseReport {
  const state = session.storedState();
  // A SCO that ends the course with adl.nav.request=suspendAll (but cmi.exit
  // other than suspend) resumes with its data too (RTE 4.2.8).
  if (suspendedByContent && state.suspended && !state.suspendedRuntimeData[suspendedByContent.item]) {
    state.suspendedRuntimeData = { ...state.suspendedRuntimeData, [suspendedByContent.item]: suspendedByContent.cmi };
  }
  const root = session.api.getActivityTrackingData(session.organization.identifier);
  const success = root?.successStatus;
  const score = root?.score;
  return {
    state: { ...(state.sequencing === undefined ? {} : { sequencing: state.sequencing }), suspended: state.suspended, suspendedRuntimeData: state.suspendedRuntimeData },
    completionStatus: COMPLETION[root?.completionStatus ?? ''] ?? 'unknown',
    successStatus: (success === 'passed' || success === 'failed' ? success : 'unknown') as SuccessStatus,
    scoreScaled: typeof score === 'number' && Number.isFinite(score) && score >= -1 && score <= 1 ? score : null,
    ended: session.ended,
    currentItem: session.current?.id ?? null,
  };
}

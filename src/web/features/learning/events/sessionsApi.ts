import { api } from '../../../api/client';
import {
  attendanceResult,
  learningSession,
  registrationResult,
  type AttendanceBody,
  type CreateSessionBody,
  type UpdateSessionBody,
} from '../../../../shared/api/learning-sessions';

const learning = (municipalityId: string) => `/municipalities/${municipalityId}/learning`;

export const itemSessionsPath = (municipalityId: string, itemId: string) => `${learning(municipalityId)}/items/${itemId}/sessions`;
export const sessionPath = (municipalityId: string, sessionId: string) => `${learning(municipalityId)}/sessions/${sessionId}`;
export const registrationsPath = (municipalityId: string, sessionId: string) => `${sessionPath(municipalityId, sessionId)}/registrations`;

export const createSession = (m: string, itemId: string, body: CreateSessionBody) => api(itemSessionsPath(m, itemId), learningSession, { method: 'POST', body });
export const updateSession = (m: string, sessionId: string, body: UpdateSessionBody) => api(sessionPath(m, sessionId), learningSession, { method: 'PATCH', body });
export const cancelSession = (m: string, sessionId: string) => api(`${sessionPath(m, sessionId)}/cancel`, learningSession, { method: 'POST' });
export const signUp = (m: string, sessionId: string) => api(`${sessionPath(m, sessionId)}/registration`, registrationResult, { method: 'POST' });
export const leave = (m: string, sessionId: string) => api(`${sessionPath(m, sessionId)}/registration`, registrationResult, { method: 'DELETE' });
export const saveAttendance = (m: string, sessionId: string, body: AttendanceBody) => api(`${sessionPath(m, sessionId)}/attendance`, attendanceResult, { method: 'PUT', body });

/** The reason of a 409, for a message of its own. */
export const conflictReason = (err: { code: string; details: unknown } | undefined): string | undefined =>
  err?.code === 'CONFLICT' ? (err.details as { reason?: string } | undefined)?.reason : undefined;

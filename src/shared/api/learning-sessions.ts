import { z } from 'zod';

// Classroom sessions, workshops and network meetings: the sessions of an
// 'event' item, sign-up with a waiting list, and attendance.

export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Where a session stands now: open for sign-up until it starts. */
export const SESSION_STATES = ['upcoming', 'ongoing', 'past', 'cancelled'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

/** 409 reasons (in `details.reason`) the sessions routes answer. */
export const SESSION_CONFLICTS = ['SESSION_STARTED', 'SESSION_NOT_STARTED', 'SESSION_CANCELLED', 'CAPACITY_BELOW_REGISTERED'] as const;
export type SessionConflict = (typeof SESSION_CONFLICTS)[number];

/** The longest a session may last; a longer one is almost always a typo in the year or month. */
export const MAX_SESSION_DAYS = 14;

const httpsUrl = z.url({ protocol: /^https$/ }).max(2000);

const sessionFields = {
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  location: z.string().trim().min(1).max(500).nullable().optional(),
  /** Online meetings only over https. */
  onlineUrl: httpsUrl.nullable().optional(),
  /** Seats; null or absent: no limit (and so no waiting list). */
  capacity: z.number().int().min(1).max(100_000).nullable().optional(),
};

export const createSessionBody = z.object(sessionFields).strict();
export type CreateSessionBody = z.infer<typeof createSessionBody>;

export const updateSessionBody = z
  .object({ ...sessionFields, startsAt: sessionFields.startsAt.optional(), endsAt: sessionFields.endsAt.optional() })
  .strict();
export type UpdateSessionBody = z.infer<typeof updateSessionBody>;

export const myRegistration = z.object({
  status: z.enum(['registered', 'waitlisted']),
  /** 1 for the first in line; null when registered. */
  waitlistPosition: z.number().int().nullable(),
  attended: z.boolean().nullable(),
});
export type MyRegistration = z.infer<typeof myRegistration>;

export const learningSession = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  location: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  capacity: z.number().int().nullable(),
  state: z.enum(SESSION_STATES),
  cancelledAt: z.iso.datetime().nullable(),
  seatsTaken: z.number().int(),
  /** Null when the session has no seat limit. */
  seatsLeft: z.number().int().nullable(),
  waitlistLength: z.number().int(),
  /** The caller's own sign-up (null when not signed up, or cancelled). */
  myRegistration: myRegistration.nullable(),
});
export type LearningSession = z.infer<typeof learningSession>;

export const itemSessionsResponse = z.object({
  item: z.object({ id: z.uuid(), title: z.string(), status: z.enum(['draft', 'published', 'archived']) }),
  /** May the caller create, change and cancel sessions and mark attendance? */
  canOrganise: z.boolean(),
  /** Does the caller have an employee record here (and so may sign up)? */
  canSignUp: z.boolean(),
  /** Not yet ended, soonest first (cancelled ones included, marked). */
  upcoming: z.array(learningSession),
  /** Ended, latest first. */
  past: z.array(learningSession),
});
export type ItemSessionsResponse = z.infer<typeof itemSessionsResponse>;

export const registrationResult = z.object({
  session: learningSession,
  /** What the call did: a new seat, a place in line, nothing new (already signed up), or cancelled. */
  outcome: z.enum(['registered', 'waitlisted', 'unchanged', 'cancelled']),
});
export type RegistrationResult = z.infer<typeof registrationResult>;

export const sessionRegistration = z.object({
  personId: z.uuid(),
  name: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  registeredAt: z.iso.datetime(),
  waitlistPosition: z.number().int().nullable(),
  attended: z.boolean().nullable(),
  attendanceMarkedAt: z.iso.datetime().nullable(),
});
export type SessionRegistration = z.infer<typeof sessionRegistration>;

export const sessionRegistrationsResponse = z.object({
  session: learningSession,
  registrations: z.array(sessionRegistration),
});
export type SessionRegistrationsResponse = z.infer<typeof sessionRegistrationsResponse>;

export const attendanceBody = z
  .object({
    attended: z.array(z.uuid()).max(100_000),
    absent: z.array(z.uuid()).max(100_000),
  })
  .strict();
export type AttendanceBody = z.infer<typeof attendanceBody>;

export const attendanceResult = z.object({
  marked: z.number().int(),
  /** Attendees whose completion of the item was recorded by this call. */
  newCompletions: z.number().int(),
  registrations: z.array(sessionRegistration),
});

export const itemSessionsParams = z.object({ municipalityId: z.uuid(), itemId: z.uuid() });
export const sessionParams = z.object({ municipalityId: z.uuid(), sessionId: z.uuid() });

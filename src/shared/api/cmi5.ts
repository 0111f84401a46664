import { z } from 'zod';

// The LMS side of cmi5: import a course, get an AU's launch URL for a learner
// (creating the registration when needed), waive an AU, abandon a session,
// and read a registration's progress. Every route takes a signed-in
// administrator or competence advisor, or a machine client with the
// municipality's LRS credential (HTTP Basic), so a test harness can drive it.

export const LAUNCH_MODES = ['Normal', 'Browse', 'Review'] as const;
export type LaunchMode = (typeof LAUNCH_MODES)[number];

/** cmi5 9.5.5.2: why an AU was waived. */
export const WAIVE_REASONS = ['Tested Out', 'Equivalent AU', 'Equivalent Outside Activity', 'Administrative'] as const;
export type WaiveReason = (typeof WAIVE_REASONS)[number];

export const MOVE_ON_CRITERIA = ['NotApplicable', 'Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed'] as const;

export const cmi5CourseParams = z.object({ municipalityId: z.uuid(), courseId: z.uuid() });
export const cmi5RegistrationParams = z.object({ municipalityId: z.uuid(), registrationId: z.uuid() });
export const cmi5SessionParams = z.object({ municipalityId: z.uuid(), sessionId: z.uuid() });

/** The learner as xAPI knows them: cmi5 (9.2) wants an Agent identified by an account. */
export const cmi5ActorSchema = z
  .object({
    objectType: z.literal('Agent').optional(),
    name: z.string().min(1).max(500).optional(),
    account: z.object({ homePage: z.string().min(1).max(1000), name: z.string().min(1).max(500) }).strict(),
  })
  .strict();
export type Cmi5Actor = z.infer<typeof cmi5ActorSchema>;

export const cmi5AuSchema = z.object({
  /** Position in the course structure, depth first (what the ADL LMS test suite calls the AU index). */
  index: z.number().int(),
  /** The AU id from cmi5.xml (the "publisher id"). */
  publisherId: z.string(),
  /** The activity id the LMS generated for the AU: the object of the AU's statements. */
  activityId: z.string(),
  title: z.string(),
  moveOn: z.enum(MOVE_ON_CRITERIA),
  masteryScore: z.number().nullable(),
  launchMethod: z.enum(['AnyWindow', 'OwnWindow']),
  /** As written in cmi5.xml: relative to the package, or an absolute address. */
  url: z.string(),
  external: z.boolean(),
});
export type Cmi5Au = z.infer<typeof cmi5AuSchema>;

export const cmi5BlockSchema = z.object({
  publisherId: z.string(),
  activityId: z.string(),
  title: z.string(),
  /** Indexes of every AU inside the block, nested blocks included. */
  auIndexes: z.array(z.number().int()),
});

export const cmi5CourseSchema = z.object({
  /** The course's id in Mestring: the id of its package. */
  courseId: z.uuid(),
  packageId: z.uuid(),
  packageVersionId: z.uuid(),
  version: z.number().int(),
  title: z.string(),
  /** The course id from cmi5.xml. */
  publisherId: z.string(),
  /** The activity id the LMS generated for the course (object of its "satisfied" statement). */
  activityId: z.string(),
  aus: z.array(cmi5AuSchema),
  blocks: z.array(cmi5BlockSchema),
});
export type Cmi5Course = z.infer<typeof cmi5CourseSchema>;

const auChoice = {
  /** The AU by its index in the course structure (0 based)… */
  auIndex: z.number().int().min(0).optional(),
  /** …or by its id in cmi5.xml. Give exactly one. */
  auId: z.string().min(1).max(2000).optional(),
};
const oneAu = (v: { auIndex?: number; auId?: string }) => (v.auIndex === undefined) !== (v.auId === undefined);
const oneAuMessage = { message: 'Give the AU as auIndex or as auId (exactly one).', path: ['auIndex'] };

export const cmi5LaunchBody = z
  .object({
    actor: cmi5ActorSchema,
    /** Launch in this registration (created when it does not exist); without it, the actor's latest registration in the course, or a new one. */
    registration: z.uuid().optional(),
    ...auChoice,
    launchMode: z.enum(LAUNCH_MODES).default('Normal'),
    /** Where the AU sends the learner when it ends (LMS.LaunchData returnURL). */
    returnURL: z.url().max(2000).optional(),
    /** Written to the learner's cmi5LearnerPreferences Agent Profile document before the launch. */
    learnerPreferences: z
      .object({ languagePreference: z.string().regex(/^[A-Za-z0-9-]+(,[A-Za-z0-9-]+)*$/).max(200), audioPreference: z.enum(['on', 'off']) })
      .strict()
      .optional(),
  })
  .strict()
  .refine(oneAu, oneAuMessage);
export type Cmi5LaunchBody = z.infer<typeof cmi5LaunchBody>;

export const cmi5LaunchSchema = z.object({
  /** Open this in a browser: the AU's address with endpoint, fetch, actor, registration and activityId. */
  url: z.string(),
  sessionId: z.uuid(),
  registration: z.uuid(),
  registrationCreated: z.boolean(),
  auIndex: z.number().int(),
  auId: z.string(),
  activityId: z.string(),
  launchMode: z.enum(LAUNCH_MODES),
  launchMethod: z.enum(['AnyWindow', 'OwnWindow']),
  /** The session (and its auth token) ends at this time at the latest. */
  expiresAt: z.string(),
});
export type Cmi5Launch = z.infer<typeof cmi5LaunchSchema>;

export const cmi5WaiveBody = z
  .object({ ...auChoice, reason: z.enum(WAIVE_REASONS) })
  .strict()
  .refine(oneAu, oneAuMessage);
export type Cmi5WaiveBody = z.infer<typeof cmi5WaiveBody>;

export const SESSION_STATES = ['launched', 'initialized', 'terminated', 'abandoned', 'expired'] as const;

export const cmi5SessionSchema = z.object({
  sessionId: z.uuid(),
  registration: z.uuid(),
  auId: z.string(),
  launchMode: z.enum(LAUNCH_MODES),
  state: z.enum(SESSION_STATES),
  launchedAt: z.string(),
  endedAt: z.string().nullable(),
});
export type Cmi5Session = z.infer<typeof cmi5SessionSchema>;

export const cmi5RegistrationSchema = z.object({
  registration: z.uuid(),
  courseId: z.uuid(),
  packageVersionId: z.uuid(),
  actor: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  /** The course's moveOn criteria are met (every AU satisfied). */
  satisfied: z.boolean(),
  aus: z.array(
    z.object({
      index: z.number().int(),
      publisherId: z.string(),
      activityId: z.string(),
      moveOn: z.enum(MOVE_ON_CRITERIA),
      completed: z.boolean(),
      passed: z.boolean(),
      failed: z.boolean(),
      waived: z.boolean(),
      waiveReason: z.enum(WAIVE_REASONS).nullable(),
      satisfied: z.boolean(),
    }),
  ),
  blocks: z.array(z.object({ publisherId: z.string(), activityId: z.string(), satisfied: z.boolean() })),
  sessions: z.array(cmi5SessionSchema),
});
export type Cmi5Registration = z.infer<typeof cmi5RegistrationSchema>;

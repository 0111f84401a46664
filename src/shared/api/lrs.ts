import { z } from 'zod';
import { LANGUAGES } from '../domain.js';

// The learning record store's admin side: the credentials learning content
// uses to reach /xapi, and the statement browser with its exports.

/** How long a rotated-out secret may keep working, in hours (a week at most). */
export const MAX_ROTATION_GRACE_HOURS = 168;
export const DEFAULT_GRACE_HOURS = 24;

export const lrsCredentialParams = z.object({ municipalityId: z.uuid(), credentialId: z.uuid() });

export const lrsCredentialSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The public half (the Basic auth user name); the secret is never listed. */
  key: z.string(),
  status: z.enum(['active', 'revoked']),
  createdAt: z.string(),
  rotatedAt: z.string().nullable(),
  /** While set and in the future, the secret before the last rotation still works. */
  previousValidUntil: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type LrsCredential = z.infer<typeof lrsCredentialSchema>;

export const lrsCredentialList = z.object({
  /** The xAPI endpoint to give learning content. */
  endpoint: z.string(),
  items: z.array(lrsCredentialSchema),
});
export type LrsCredentialList = z.infer<typeof lrsCredentialList>;

export const createLrsCredentialBody = z.object({ name: z.string().trim().min(1).max(200) });

export const rotateLrsCredentialBody = z.object({
  graceHours: z.number().int().min(0).max(MAX_ROTATION_GRACE_HOURS).default(DEFAULT_GRACE_HOURS),
});

/** The answer to create and rotate: the only time the secret is ever shown. */
export const lrsCredentialSecret = z.object({
  credential: lrsCredentialSchema,
  endpoint: z.string(),
  key: z.string(),
  secret: z.string(),
});
export type LrsCredentialSecret = z.infer<typeof lrsCredentialSecret>;

/** An absolute IRI as xAPI uses for verb and activity ids: a scheme, then anything but spaces. */
const iri = z
  .string()
  .trim()
  .max(2048)
  .regex(/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/, 'must be an absolute IRI such as https://example.org/activity/1');

export const lrsStatementFilter = z.object({
  /** A person of this municipality: statements whose actor or object is their Mestring account. */
  personId: z.uuid().optional(),
  /** Or an e-mail address: statements whose actor or object has this mbox. */
  email: z.email().max(320).optional(),
  /** The statement's object is this activity. */
  activityId: iri.optional(),
  verbId: iri.optional(),
  /** Stored after this instant (exclusive), as xAPI's `since`. */
  since: z.iso.datetime({ offset: true }).optional(),
  /** Stored at or before this instant (inclusive), as xAPI's `until`. */
  until: z.iso.datetime({ offset: true }).optional(),
  /** Language for verb and activity names; the user's own by default. */
  lang: z.enum(LANGUAGES).optional(),
});
export type LrsStatementFilter = z.infer<typeof lrsStatementFilter>;

export const lrsStatementQuery = lrsStatementFilter.extend({
  /** Opaque cursor from the previous page's nextCursor. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const lrsStatementExportQuery = lrsStatementFilter.extend({ format: z.enum(['csv', 'json']) });

export const lrsStatementRow = z.object({
  id: z.uuid(),
  stored: z.string(),
  timestamp: z.string().nullable(),
  actor: z.object({
    objectType: z.string(),
    /** Name, or the identifier when the statement gives no name. */
    display: z.string(),
    /** The inverse functional identifier as text (mailto:…, an account, …); null for anonymous groups. */
    ifi: z.string().nullable(),
    /** Set when the actor is a person of this municipality named by their Mestring account. */
    personId: z.uuid().nullable(),
  }),
  verb: z.object({ id: z.string(), display: z.string().nullable() }),
  object: z.object({ objectType: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
  result: z.object({ success: z.boolean().nullable(), completion: z.boolean().nullable(), scaled: z.number().nullable() }).nullable(),
  voided: z.boolean(),
});
export type LrsStatementRow = z.infer<typeof lrsStatementRow>;

export const lrsStatementPage = z.object({ items: z.array(lrsStatementRow), nextCursor: z.string().nullable() });
export type LrsStatementPage = z.infer<typeof lrsStatementPage>;

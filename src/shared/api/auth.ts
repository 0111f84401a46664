import { z } from 'zod';
import { LANGUAGES, ROLES, SCOPE_TYPES } from '../domain.js';

export const PASSWORD_MIN_LENGTH = 12;
export const password = z.string().min(PASSWORD_MIN_LENGTH).max(256);

export const loginBody = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(256) });
export const passwordResetRequestBody = z.object({ email: z.string().trim().min(1).max(320) });
export const passwordResetConfirmBody = z.object({ token: z.string().min(10).max(200), newPassword: password });
export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(256), newPassword: password });

export const grantSchema = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  networkId: z.uuid().nullable(),
  municipalityId: z.uuid().nullable(),
  unitId: z.uuid().nullable(),
  /** Human label of the scope, e.g. the unit's or municipality's name. */
  scopeName: z.string().nullable(),
});
export type Grant = z.infer<typeof grantSchema>;

export const meMunicipalitySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  code: z.string(),
  country: z.string(),
  networkId: z.uuid().nullable(),
});

export const meSchema = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    preferredLanguage: z.enum(LANGUAGES),
  }),
  /** Employee records linked to this account (normally one). */
  persons: z.array(z.object({ municipalityId: z.uuid(), personId: z.uuid() })),
  grants: z.array(grantSchema),
  /** Municipalities this user may open, for the municipality picker. */
  municipalities: z.array(meMunicipalitySchema),
  networks: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** Send as the X-CSRF-Token header on every POST/PUT/PATCH/DELETE. */
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meSchema>;

export const updateMeBody = z.object({
  displayName: z.string().trim().min(1).max(200).optional(),
  preferredLanguage: z.enum(LANGUAGES).optional(),
});

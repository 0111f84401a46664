import { z } from 'zod';
import { ROLES, SCOPE_TYPES } from '../domain.js';

export const roleGrantSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  userEmail: z.string(),
  userDisplayName: z.string(),
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  networkId: z.uuid().nullable(),
  municipalityId: z.uuid().nullable(),
  unitId: z.uuid().nullable(),
  scopeName: z.string().nullable(),
  createdAt: z.string(),
});
export type RoleGrantView = z.infer<typeof roleGrantSchema>;

/** Grant a role in a municipality (optionally narrowed to a unit) to an account, found or created by e-mail. */
export const createMunicipalGrantBody = z.object({
  email: z.email().max(320),
  displayName: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES),
  unitId: z.uuid().nullable().optional(),
});
export const createNetworkGrantBody = z.object({
  email: z.email().max(320),
  displayName: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES),
});
export const grantParams = z.object({ municipalityId: z.uuid(), grantId: z.uuid() });
export const networkGrantParams = z.object({ networkId: z.uuid(), grantId: z.uuid() });
export const personAccountBody = z.object({ email: z.email().max(320).optional() });

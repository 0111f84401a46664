import { z } from 'zod';
import { PROFESSIONS } from '../domain.js';
import { localized } from './frameworks.js';

export const requirement = z.object({ competenceCode: z.string().trim().min(1).max(40), requiredLevel: z.number().int().min(1).max(20) });

export const roleProfileSchema = z.object({
  id: z.uuid(),
  municipalityId: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  frameworkVersionId: z.uuid(),
  profession: z.enum(PROFESSIONS).nullable(),
  unitId: z.uuid().nullable(),
  templateKey: z.string().nullable(),
  requirements: z.array(requirement),
  /** Send back as `expectedUpdatedAt` when saving, so two editors cannot silently overwrite each other. */
  updatedAt: z.string(),
});
export type RoleProfile = z.infer<typeof roleProfileSchema>;

export const roleProfileInput = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullable().optional(),
  frameworkVersionId: z.uuid(),
  profession: z.enum(PROFESSIONS).nullable().optional(),
  unitId: z.uuid().nullable().optional(),
  requirements: z.array(requirement).max(500),
});
export const updateRoleProfileBody = roleProfileInput
  .omit({ frameworkVersionId: true })
  .partial()
  .extend({ expectedUpdatedAt: z.string().max(40).optional() });
export const copyRoleProfileBody = z.object({ name: z.string().trim().min(1).max(200) });
export const fromTemplateBody = z.object({
  templateKey: z.string().min(1).max(80),
  name: z.string().trim().min(1).max(200).optional(),
  unitId: z.uuid().nullable().optional(),
});
export const roleProfileParams = z.object({ municipalityId: z.uuid(), profileId: z.uuid() });

export const roleProfileTemplateSchema = z.object({
  key: z.string(),
  name: localized,
  description: localized,
  frameworkKey: z.string(),
  frameworkVersion: z.string(),
  profession: z.enum(PROFESSIONS).nullable(),
  requirements: z.array(requirement),
});
export type RoleProfileTemplate = z.infer<typeof roleProfileTemplateSchema>;

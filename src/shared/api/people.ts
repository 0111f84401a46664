import { z } from 'zod';
import { LANGUAGES, PROFESSIONS } from '../domain.js';

export const personSchema = z.object({
  id: z.uuid(),
  municipalityId: z.uuid(),
  employeeNumber: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  profession: z.enum(PROFESSIONS),
  positionPct: z.number(),
  preferredLanguage: z.enum(LANGUAGES),
  active: z.boolean(),
  unitIds: z.array(z.uuid()),
  primaryUnitId: z.uuid().nullable(),
  hasAccount: z.boolean(),
});
export type Person = z.infer<typeof personSchema>;

export const personParams = z.object({ municipalityId: z.uuid(), personId: z.uuid() });

export const personInput = z.object({
  employeeNumber: z.string().trim().min(1).max(40),
  givenName: z.string().trim().min(1).max(100),
  familyName: z.string().trim().min(1).max(100),
  email: z.email().max(320).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  profession: z.enum(PROFESSIONS),
  positionPct: z.number().gt(0).max(100),
  preferredLanguage: z.enum(LANGUAGES).optional(),
  unitIds: z.array(z.uuid()).min(1).max(10),
  primaryUnitId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
});
export const createPersonBody = personInput;
export const updatePersonBody = personInput.partial();

export const listPeopleQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  q: z.string().trim().max(100).optional(),
  unitId: z.uuid().optional(),
  profession: z.enum(PROFESSIONS).optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
});

export const importStatus = z.enum(['parsing', 'ready', 'invalid', 'committing', 'committed', 'failed']);
export const importRowError = z.object({
  row: z.number().int(),
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  value: z.string().optional(),
});
export const importPreviewRow = z.object({
  row: z.number().int(),
  employeeNumber: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  email: z.string().nullable(),
  profession: z.enum(PROFESSIONS),
  positionPct: z.number(),
  unitRef: z.string(),
  action: z.enum(['create', 'update', 'unchanged']),
});
export const peopleImportSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  format: z.string().nullable(),
  status: importStatus,
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  totalRows: z.number().int(),
  errors: z.array(importRowError),
  fileErrors: z.array(z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() })),
  summary: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int() }).nullable(),
  /** First rows as they will be applied, for the preview table. */
  preview: z.array(importPreviewRow),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
});
export type PeopleImport = z.infer<typeof peopleImportSchema>;
export const importParams = z.object({ municipalityId: z.uuid(), importId: z.uuid() });

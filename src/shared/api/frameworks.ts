import { z } from 'zod';
import { LANGUAGES } from '../domain.js';

export const localized = z.partialRecord(z.enum(LANGUAGES), z.string());
export type Localized = z.infer<typeof localized>;

export const frameworkVersionSummary = z.object({
  id: z.uuid(),
  version: z.string(),
  importedAt: z.string(),
  source: z.string().nullable(),
  licence: z.string().nullable(),
  counts: z.object({ areas: z.number().int(), competences: z.number().int(), levels: z.number().int(), statements: z.number().int() }),
});

export const frameworkSummary = z.object({
  id: z.uuid(),
  key: z.string(),
  name: localized,
  builtIn: z.boolean(),
  versions: z.array(frameworkVersionSummary),
});
export type FrameworkSummary = z.infer<typeof frameworkSummary>;

export const frameworkVersionDetail = z.object({
  id: z.uuid(),
  frameworkId: z.uuid(),
  key: z.string(),
  version: z.string(),
  name: localized,
  description: localized.nullable(),
  source: z.string().nullable(),
  licence: z.string().nullable(),
  levels: z.array(z.object({ level: z.number().int(), name: localized, description: localized.nullable() })),
  areas: z.array(z.object({ code: z.string(), name: localized, description: localized.nullable() })),
  competences: z.array(
    z.object({
      code: z.string(),
      areaCode: z.string(),
      name: localized,
      description: localized.nullable(),
      digcompRef: z.string().nullable(),
      levelDescriptions: z.array(z.object({ level: z.number().int(), text: localized })),
      statementCount: z.number().int(),
    }),
  ),
});
export type FrameworkVersionDetail = z.infer<typeof frameworkVersionDetail>;

export const frameworkStatementsQuery = z.object({ competenceCode: z.string().max(40).optional(), level: z.coerce.number().int().min(1).max(20).optional() });
export const frameworkStatement = z.object({ code: z.string(), competenceCode: z.string(), level: z.number().int(), text: localized });
export const versionParams = z.object({ versionId: z.uuid() });
export const frameworkImportResult = z.object({ created: z.boolean(), framework: frameworkSummary, versionId: z.uuid() });

import { z } from 'zod';
import { COUNTRIES, LANGUAGES, SIZE_CLASSES, UNIT_KINDS } from '../domain.js';

export const networkSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  municipalityCount: z.number().int(),
});
export type Network = z.infer<typeof networkSchema>;
export const createNetworkBody = z.object({
  name: z.string().trim().min(1).max(200),
  slug: z.string().trim().regex(/^[a-z0-9-]{2,60}$/, 'lowercase letters, digits and hyphens'),
});
export const updateNetworkBody = z.object({ name: z.string().trim().min(1).max(200) });

export const municipalitySchema = z.object({
  id: z.uuid(),
  networkId: z.uuid().nullable(),
  country: z.enum(COUNTRIES),
  code: z.string(),
  name: z.string(),
  population: z.number().int(),
  sizeClass: z.enum(SIZE_CLASSES),
  defaultLanguage: z.enum(LANGUAGES),
  anonymityThreshold: z.number().int(),
  /** Whether the municipality's figures join national comparisons (changed by PUT …/benchmark-sharing). */
  shareNationalBenchmarks: z.boolean().optional(),
});
export type Municipality = z.infer<typeof municipalitySchema>;
export const createMunicipalityBody = z.object({
  country: z.enum(COUNTRIES),
  code: z.string().regex(/^[0-9]{3,4}$/, 'official municipality code: 3–4 digits'),
  name: z.string().trim().min(1).max(200),
  population: z.number().int().min(0).max(10_000_000),
  networkId: z.uuid().nullable().optional(),
  defaultLanguage: z.enum(LANGUAGES).optional(),
});
export const updateMunicipalityBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  population: z.number().int().min(0).max(10_000_000).optional(),
  networkId: z.uuid().nullable().optional(),
  defaultLanguage: z.enum(LANGUAGES).optional(),
  anonymityThreshold: z.number().int().min(3).max(50).optional(),
});

export const unitSchema = z.object({
  id: z.uuid(),
  municipalityId: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string().nullable(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  memberCount: z.number().int(),
});
export type Unit = z.infer<typeof unitSchema>;
export const unitParams = z.object({ municipalityId: z.uuid(), unitId: z.uuid() });
export const createUnitBody = z.object({
  name: z.string().trim().min(1).max(200),
  code: z.string().trim().max(40).nullable().optional(),
  kind: z.enum(UNIT_KINDS),
  parentId: z.uuid().nullable().optional(),
});
export const updateUnitBody = createUnitBody.partial();

export const registryEntrySchema = z.object({
  country: z.enum(COUNTRIES),
  code: z.string(),
  name: z.string(),
  population: z.number().int().nullable(),
  region: z.string().nullable(),
});
export const registryImportResult = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), code: z.string(), message: z.string() })),
});

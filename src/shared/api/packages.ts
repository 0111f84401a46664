import { z } from 'zod';

// E-learning packages: upload (with a status resource to poll), list, detail,
// delete a version, and a signed content link for previewing a version.

export const PACKAGE_KINDS = ['scorm12', 'scorm2004_2nd', 'scorm2004_3rd', 'scorm2004_4th', 'cmi5'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];
export const PACKAGE_FAMILIES = ['scorm', 'cmi5'] as const;

/**
 * Why an upload was refused: stable codes the web app translates (the error
 * is PACKAGE_INVALID with details.reason, or an upload in phase "rejected").
 * INTERRUPTED and STORAGE_FAILED are failures on our side (phase "failed").
 */
export const PACKAGE_REJECTION_REASONS = [
  'NOT_A_ZIP',
  'ZIP_CORRUPT',
  'ZIP_SLIP',
  'INVALID_FILE_NAME',
  'ZIP_BOMB',
  'SYMLINK',
  'TOO_MANY_FILES',
  'ENCRYPTED_ENTRY',
  'UNSUPPORTED_COMPRESSION',
  'DUPLICATE_NAME',
  'MANIFEST_MISSING',
  'MANIFEST_MALFORMED',
  'MANIFEST_INVALID',
  'REFERENCE_OUTSIDE',
  'REFERENCE_MISSING',
  'UPLOAD_TOO_LARGE',
  'INTERRUPTED',
  'STORAGE_FAILED',
  'PACKAGE_DELETED',
] as const;
export type PackageRejectionReason = (typeof PACKAGE_REJECTION_REASONS)[number];

/** received → unpacking (files n/m) → validating → storing → stored; or rejected (the package) / failed (our side). */
export const UPLOAD_PHASES = ['received', 'unpacking', 'validating', 'storing', 'stored', 'rejected', 'failed'] as const;
export type UploadPhase = (typeof UPLOAD_PHASES)[number];

export const packageParams = z.object({ municipalityId: z.uuid(), packageId: z.uuid() });
export const packageVersionParams = z.object({ municipalityId: z.uuid(), packageId: z.uuid(), packageVersionId: z.uuid() });
export const packageUploadParams = z.object({ municipalityId: z.uuid(), uploadId: z.uuid() });

export const packageUploadSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  phase: z.enum(UPLOAD_PHASES),
  /** 0–100, for a progress bar; the bytes' own transfer is the browser's to show. */
  percent: z.number().int().min(0).max(100),
  files: z.object({ done: z.number().int(), total: z.number().int() }),
  /** Every phase reached so far, with when. */
  phases: z.array(z.object({ phase: z.enum(UPLOAD_PHASES), at: z.string() })),
  /** Why the upload ended in "rejected" (the package's fault) or "failed" (INTERRUPTED, STORAGE_FAILED: ours). */
  problem: z.object({ reason: z.enum(PACKAGE_REJECTION_REASONS), message: z.string(), details: z.record(z.string(), z.unknown()) }).nullable(),
  packageId: z.uuid().nullable(),
  packageVersionId: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PackageUpload = z.infer<typeof packageUploadSchema>;

export const launchableSchema = z.object({
  /** SCORM item identifier or cmi5 AU id. */
  identifier: z.string(),
  title: z.string(),
  /** The xAPI activity id statements about this item use (stable across versions). */
  activityId: z.string(),
  /** Relative to the version's content root, or an absolute URL for a cmi5 AU hosted elsewhere. */
  launchUrl: z.string(),
  external: z.boolean(),
  kind: z.enum(['sco', 'asset', 'au']),
  /** SCORM: organizationId, masteryScore…; cmi5: moveOn, masteryScore, launchMethod, launchParameters… */
  details: z.record(z.string(), z.unknown()),
});
export type Launchable = z.infer<typeof launchableSchema>;

export const packageVersionSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  kind: z.enum(PACKAGE_KINDS),
  title: z.string(),
  fileCount: z.number().int(),
  sizeBytes: z.number().int(),
  uploadedBy: z.object({ userId: z.uuid(), displayName: z.string() }).nullable(),
  uploadedAt: z.string(),
  launchables: z.array(launchableSchema),
});
export type PackageVersion = z.infer<typeof packageVersionSchema>;

export const packageSchema = z.object({
  id: z.uuid(),
  municipalityId: z.uuid(),
  family: z.enum(PACKAGE_FAMILIES),
  /** SCORM manifest identifier or cmi5 course id: the key that groups versions. */
  identifier: z.string(),
  title: z.string(),
  /** The xAPI activity id of the package as a whole (the cmi5 course id for cmi5). */
  activityId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Newest first. */
  versions: z.array(packageVersionSchema),
});
export type Package = z.infer<typeof packageSchema>;

export const packageListSchema = z.object({ items: z.array(packageSchema) });

export const packageDetailSchema = packageSchema.extend({
  versions: z.array(packageVersionSchema.extend({ manifest: z.unknown() })),
});
export type PackageDetail = z.infer<typeof packageDetailSchema>;

/** A signed address of a version's content, on the content origin. */
export const contentLinkSchema = z.object({
  /** Base of the version's files; append a launchable's launchUrl. */
  baseUrl: z.string(),
  /** The default launchable's address, when the version has one inside the package. */
  launchUrl: z.string().nullable(),
  expiresAt: z.string(),
});
export type ContentLink = z.infer<typeof contentLinkSchema>;

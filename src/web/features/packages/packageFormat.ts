import { PACKAGE_REJECTION_REASONS, type PackageRejectionReason, type PackageUpload, type UploadPhase } from '../../../shared/api/packages';

// Pure helpers of the packages page: the steps an upload goes through, which
// refusal a server answer carries, and sizes in the reader's language.

/** What the page shows as steps: the browser's sending, then the server's phases. */
export const UPLOAD_STEPS = ['sending', 'received', 'unpacking', 'validating', 'storing', 'stored'] as const;
export type UploadStep = (typeof UPLOAD_STEPS)[number];
export type StepState = 'done' | 'current' | 'todo' | 'failed';

const TERMINAL: readonly UploadPhase[] = ['stored', 'rejected', 'failed'];

export function isTerminal(phase: UploadPhase): boolean {
  return TERMINAL.includes(phase);
}

/**
 * The state of every step. Without a server status the file is still being
 * sent. A refused or failed upload marks the step it stopped in.
 */
export function stepStates(status: Pick<PackageUpload, 'phase' | 'phases'> | undefined): { step: UploadStep; state: StepState }[] {
  if (!status) return UPLOAD_STEPS.map((step, i) => ({ step, state: i === 0 ? 'current' : 'todo' }));
  const { phase } = status;
  if (phase === 'stored') return UPLOAD_STEPS.map((step) => ({ step, state: 'done' }));
  if (phase === 'rejected' || phase === 'failed') {
    const reached = status.phases.map((p) => UPLOAD_STEPS.indexOf(p.phase as UploadStep)).filter((i) => i >= 0);
    const at = reached.at(-1) ?? UPLOAD_STEPS.indexOf('received');
    return UPLOAD_STEPS.map((step, i) => ({ step, state: i < at ? 'done' : i === at ? 'failed' : 'todo' }));
  }
  const at = UPLOAD_STEPS.indexOf(phase);
  return UPLOAD_STEPS.map((step, i) => ({ step, state: i < at ? 'done' : i === at ? 'current' : 'todo' }));
}

export function isRejectionReason(value: unknown): value is PackageRejectionReason {
  return typeof value === 'string' && (PACKAGE_REJECTION_REASONS as readonly string[]).includes(value);
}

export type Refusal = NonNullable<PackageUpload['problem']>;

/** A refusal carried by an error answer (PACKAGE_INVALID, or PAYLOAD_TOO_LARGE with reason UPLOAD_TOO_LARGE). */
export function refusalOf(error: { message: string; details: unknown }): Refusal | null {
  const details = error.details;
  if (!details || typeof details !== 'object' || Array.isArray(details)) return null;
  const { reason, ...rest } = details as Record<string, unknown>;
  return isRejectionReason(reason) ? { reason, message: error.message, details: rest } : null;
}

/** Detail fields the page labels (the server's message names the rest). */
export const REFUSAL_DETAIL_KEYS = ['entry', 'file', 'path', 'href', 'element', 'didYouMean', 'foundAt', 'line', 'max', 'maxBytes', 'entries'] as const;
export type RefusalDetailKey = (typeof REFUSAL_DETAIL_KEYS)[number];

export function labelledDetails(details: Record<string, unknown>): { key: RefusalDetailKey; value: string }[] {
  return REFUSAL_DETAIL_KEYS.flatMap((key) => {
    const value = details[key];
    return typeof value === 'string' || typeof value === 'number' ? [{ key, value: String(value) }] : [];
  });
}

const UNITS = [
  ['gigabyte', 1024 ** 3],
  ['megabyte', 1024 ** 2],
  ['kilobyte', 1024],
] as const;

/** A size such as "1.5 MB" in the given language (binary multiples, as file managers show them). */
export function formatBytes(bytes: number, lang: string): string {
  for (const [unit, size] of UNITS) {
    if (bytes >= size) return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(bytes / size);
  }
  return new Intl.NumberFormat(lang, { style: 'unit', unit: 'byte', unitDisplay: 'short' }).format(bytes);
}

/** Whole percent of bytes sent, or null when the browser does not know the total. */
export function sentPercent(loaded: number, total: number | null): number | null {
  if (!total) return null;
  return Math.min(100, Math.max(0, Math.round((loaded / total) * 100)));
}

import { PACKAGE_REJECTION_REASONS, type PackageRejectionReason } from '../../../shared/api/packages.js';
import { AppError } from '../../http/app-error.js';

export { PACKAGE_REJECTION_REASONS, type PackageRejectionReason };

/** A refusal of the uploaded package itself (never a server fault): reason code, a message for a person, details. */
export class PackageRejection extends Error {
  constructor(
    readonly reason: PackageRejectionReason,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'PackageRejection';
  }

  toAppError(): AppError {
    return new AppError('PACKAGE_INVALID', this.message, { reason: this.reason, ...this.details });
  }
}

export const reject = (reason: PackageRejectionReason, message: string, details?: Record<string, unknown>) => new PackageRejection(reason, message, details);

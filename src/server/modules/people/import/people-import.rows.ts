// Validates data rows one at a time, remembering employee numbers and e-mail
// addresses seen so far so that later duplicates are flagged.
import type { HeaderMapping } from './people-import.headers.js';
import type { RawRow } from './people-import.read.js';
import type { EmployeeImportField, EmployeeRow, RowError, RowErrorCode } from './people-import.schemas.js';
import { parseEmail, parseLanguage, parsePositionPct, professionFromTitle } from './people-import.values.js';

export const FIELD_LABELS: Record<EmployeeImportField, string> = {
  employeeNumber: 'Employee number',
  givenName: 'Given name',
  familyName: 'Family name',
  email: 'E-mail',
  phone: 'Phone',
  profession: 'Profession',
  positionPct: 'Position percentage',
  unitRef: 'Unit',
  preferredLanguage: 'Language',
};

// Generous limits that still keep absurd cells (a pasted document) out of the database.
const MAX_LENGTH: Partial<Record<EmployeeImportField, number>> = {
  employeeNumber: 64,
  givenName: 200,
  familyName: 200,
  email: 254,
  phone: 40,
  unitRef: 200,
};

/** Keeps error payloads small when a cell holds something huge. */
function shown(value: string): string {
  return value.length > 200 ? `${value.slice(0, 200)}…` : value;
}

export function rowError(
  row: number,
  field: EmployeeImportField | null,
  code: RowErrorCode,
  message: string,
  value?: string,
): RowError {
  return value === undefined ? { row, field, code, message } : { row, field, code, message, value: shown(value) };
}

export class RowValidator {
  private readonly employeeNumbers = new Map<string, number>();
  private readonly emails = new Map<string, number>();

  constructor(private readonly mapping: HeaderMapping) {}

  validate(raw: RawRow): { employee: EmployeeRow | null; errors: RowError[] } {
    const errors: RowError[] = [];
    const fail = (field: EmployeeImportField, code: RowErrorCode, message: string, value?: string) =>
      errors.push(rowError(raw.row, field, code, message, value));

    const cell = (field: EmployeeImportField): string => {
      const index = this.mapping.indexes[field];
      return index === undefined ? '' : (raw.cells[index] ?? '');
    };
    const text = (field: EmployeeImportField, required: boolean): string | null => {
      const value = cell(field);
      if (value === '') {
        if (required) fail(field, 'REQUIRED', `${FIELD_LABELS[field]} is required.`);
        return null;
      }
      const max = MAX_LENGTH[field];
      if (max !== undefined && value.length > max) {
        fail(field, 'TOO_LONG', `${FIELD_LABELS[field]} is longer than ${max} characters.`, value);
        return null;
      }
      return value;
    };

    const employeeNumber = text('employeeNumber', true);
    const givenName = text('givenName', true);
    const familyName = text('familyName', true);

    const emailText = text('email', false);
    const email = emailText === null ? null : parseEmail(emailText);
    if (emailText !== null && email === null) {
      fail('email', 'INVALID_EMAIL', `"${shown(emailText)}" is not a valid e-mail address.`, emailText);
    }

    const phone = text('phone', false);

    const professionText = text('profession', true);
    const profession = professionText === null ? null : professionFromTitle(professionText);
    if (professionText !== null && profession === null) {
      fail('profession', 'UNKNOWN_PROFESSION', `"${shown(professionText)}" is not a recognised profession.`, professionText);
    }

    const pctText = text('positionPct', true);
    const positionPct = pctText === null ? null : parsePositionPct(pctText);
    if (pctText !== null && positionPct === null) {
      fail(
        'positionPct',
        'INVALID_PERCENT',
        `"${shown(pctText)}" is not a valid position percentage; use a number above 0 and at most 100, such as 80 or 80 %.`,
        pctText,
      );
    }

    const unitRef = text('unitRef', true);

    const languageText = text('preferredLanguage', false);
    const preferredLanguage = languageText === null ? null : parseLanguage(languageText);
    if (languageText !== null && preferredLanguage === null) {
      fail(
        'preferredLanguage',
        'INVALID_LANGUAGE',
        `"${shown(languageText)}" is not a supported language; use nb, nn, sv, da or en.`,
        languageText,
      );
    }

    // Duplicates are judged in file order, so the first occurrence stays valid
    // and the user fixes the later ones.
    if (employeeNumber !== null) {
      const first = this.employeeNumbers.get(employeeNumber);
      if (first === undefined) this.employeeNumbers.set(employeeNumber, raw.row);
      else {
        fail(
          'employeeNumber',
          'DUPLICATE_EMPLOYEE_NUMBER',
          `Employee number ${shown(employeeNumber)} is already used on row ${first}.`,
          employeeNumber,
        );
      }
    }
    if (email !== null) {
      const first = this.emails.get(email);
      if (first === undefined) this.emails.set(email, raw.row);
      else fail('email', 'DUPLICATE_EMAIL', `The e-mail address ${email} is already used on row ${first}.`, email);
    }

    if (
      errors.length > 0 ||
      employeeNumber === null ||
      givenName === null ||
      familyName === null ||
      profession === null ||
      positionPct === null ||
      unitRef === null
    ) {
      return { employee: null, errors };
    }
    return {
      employee: {
        row: raw.row,
        employeeNumber,
        givenName,
        familyName,
        email,
        phone,
        profession,
        positionPct,
        unitRef,
        preferredLanguage,
      },
      errors,
    };
  }
}

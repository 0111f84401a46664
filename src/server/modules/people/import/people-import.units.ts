// Matching the unit references in a file against the municipality's units.
// Kept apart from parsing because the parser must not need the database.
import { rowError } from './people-import.rows.js';
import type { EmployeeRow, ParsedEmployeeFile, RowError } from './people-import.schemas.js';

export type ImportUnit = { id: string; code: string | null; name: string };

function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');
}

/**
 * Resolves each row's `unitRef`: an exact unit code match first (codes are
 * what HR systems export), then a case-insensitive name match. Returns the
 * resolved rows with `unitId` set (new objects; the input is not changed) and
 * errors for the rest: UNKNOWN_UNIT when nothing matches, AMBIGUOUS_UNIT
 * when the reference matches several units.
 */
export function resolveUnitRefs(
  rows: readonly EmployeeRow[],
  units: readonly ImportUnit[],
): { rows: EmployeeRow[]; errors: RowError[] } {
  const byCode = new Map<string, ImportUnit[]>();
  const byName = new Map<string, ImportUnit[]>();
  for (const unit of units) {
    if (unit.code !== null && unit.code.trim() !== '') push(byCode, unit.code.trim(), unit);
    push(byName, nameKey(unit.name), unit);
  }

  const resolved: EmployeeRow[] = [];
  const errors: RowError[] = [];
  for (const row of rows) {
    const ref = row.unitRef.trim();
    const matches = byCode.get(ref) ?? byName.get(nameKey(ref)) ?? [];
    const [match] = matches;
    if (matches.length === 1 && match) {
      resolved.push({ ...row, unitId: match.id });
    } else if (matches.length > 1) {
      errors.push(
        rowError(
          row.row,
          'unitRef',
          'AMBIGUOUS_UNIT',
          `"${ref}" matches ${matches.length} units; use the unit code instead.`,
          ref,
        ),
      );
    } else {
      errors.push(rowError(row.row, 'unitRef', 'UNKNOWN_UNIT', `No unit has the code or name "${ref}".`, ref));
    }
  }
  return { rows: resolved, errors };
}

/** Convenience for callers holding a whole parse result: moves unresolved rows to `errors`. */
export function applyUnitResolution(parsed: ParsedEmployeeFile, units: readonly ImportUnit[]): ParsedEmployeeFile {
  const { rows, errors } = resolveUnitRefs(parsed.rows, units);
  return { ...parsed, rows, errors: [...parsed.errors, ...errors].sort((a, b) => a.row - b.row) };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

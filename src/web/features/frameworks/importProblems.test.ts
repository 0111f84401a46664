import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { importProblemsOf } from './importProblems';

describe('importProblemsOf', () => {
  it('reads the importer code and the problems with row, sheet and path', () => {
    const error = new ApiError(422, 'IMPORT_INVALID', 'bad', {
      code: 'INVALID_FRAMEWORK',
      problems: [{ row: 3, message: 'level "x"' }, { sheet: 'Competences', row: 9, message: 'no name' }, { path: 'key', message: 'missing key' }],
    });
    expect(importProblemsOf(error)).toEqual({
      code: 'INVALID_FRAMEWORK',
      problems: [{ row: 3, message: 'level "x"' }, { sheet: 'Competences', row: 9, message: 'no name' }, { path: 'key', message: 'missing key' }],
    });
  });

  it('accepts plain-string problems and ignores what it cannot show', () => {
    const error = new ApiError(422, 'IMPORT_INVALID', 'bad', { problems: ['duplicate area "A"', 42, null, { row: 2 }, { message: 'ok', path: ['a', 1] }] });
    expect(importProblemsOf(error)).toEqual({ code: null, problems: [{ message: 'duplicate area "A"' }, { message: 'ok', path: 'a.1' }] });
  });

  it('gives nothing for errors without details', () => {
    expect(importProblemsOf(new ApiError(409, 'CONFLICT', 'exists'))).toEqual({ code: null, problems: [] });
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The player page runs on the content origin and can only load its own files
// (/content/player/assets/). A value imported from code the app bundle also
// uses would become a chunk shared with the app, served from the app's
// /assets/, which the content origin does not answer. So: types only from
// shared code; values only from this folder, scorm-again and the SCORM
// sequencing adapter (which the app does not import).

const ALLOWED_VALUE_SOURCES = [/^\.\//, /^scorm-again$/, /^\.\.\/\.\.\/server\/modules\/packages\/scorm\/sequencing\//];

describe('the player page bundle', () => {
  const dir = import.meta.dirname;
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

  it.each(files)('%s imports values only from the player, scorm-again and the sequencing adapter', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    const valueImports = [...source.matchAll(/^import\s+(?!type\s)([^'"]*?)\s*from\s+'([^']+)'/gm)]
      .filter(([, what]) => !/^\{\s*(type\s+\w+(\s+as\s+\w+)?\s*,?\s*)+\}$/.test(what!.trim()))
      .map(([, , from]) => from!);
    expect(valueImports.filter((from) => !ALLOWED_VALUE_SOURCES.some((re) => re.test(from)))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { findDuplicateKey, parseStrictJson } from './strict-json.js';

describe('findDuplicateKey', () => {
  it.each([
    ['{"a":1,"a":2}', 'a'],
    ['{"a":{"b":1,"b":2}}', 'b'],
    ['[{"a":1},{"a":2},{"c":[1,{"d":1,"d":1}]}]', 'd'],
    ['{"a\\"b":1,"a\\"b":2}', 'a"b'],
    ['{"\\u0061":1,"a":2}', 'a'],
  ])('finds the repeated key in %s', (text, key) => expect(findDuplicateKey(text)).toBe(key));

  it.each(['{"a":1,"b":{"a":2}}', '[{"a":1},{"a":1}]', '{"a":"{\\"a\\":1,\\"a\\":2}"}', '{"a":[{"x":1},"a","a"],"b":1}', '"plain"', '{}'])('finds none in %s', (text) => expect(findDuplicateKey(text)).toBeNull());
});

describe('parseStrictJson', () => {
  const refuses = (text: string) => expect(() => parseStrictJson(text, 'The body')).toThrow(/twice/);
  const accepts = (text: string) => expect(parseStrictJson(text, 'The body')).toEqual(JSON.parse(text));

  it('refuses duplicates that the key count alone would miss', () => {
    // Whitespace before a colon and strings that start with ':' or hold \": change the text's count.
    refuses('{"a" :1,"b":{"c":1,"c":2}}');
    refuses('{"a":": x","b":1,"b":2}');
    refuses('{"a":"say \\":\\" twice","b":1,"b":2}');
    refuses('{"a"\n\t:\r 1, "a" : 2}');
  });

  it('accepts JSON whose strings look like keys', () => {
    accepts('{"a":": x","b":"\\":","c":[":",{"d":"\\" :"}]}');
    accepts('{"a" : 1, "b"\n:\n2}');
    accepts('{"__proto__":1,"constructor":2}');
  });

  it('agrees with the exact scan on random JSON with and without duplicates', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const pieces = ['a', 'b', ':', '\\":', ' :', '"'];
    const str = () => JSON.stringify(Array.from({ length: rand(3) }, () => pieces[rand(pieces.length)]).join(''));
    const value = (depth: number): string => {
      const kind = depth > 3 ? rand(3) : rand(5);
      if (kind === 0) return str();
      if (kind === 1) return String(rand(100));
      if (kind === 2) return 'true';
      if (kind === 3) return `[${Array.from({ length: rand(4) }, () => value(depth + 1)).join(',')}]`;
      const keys = Array.from({ length: rand(5) }, () => ['x', 'y', ':z', 'w"'][rand(4)]!);
      const ws = () => [' ', '', '\n', ''][rand(4)];
      return `{${keys.map((k) => `${JSON.stringify(k)}${ws()}:${ws()}${value(depth + 1)}`).join(',')}}`;
    };
    let duplicates = 0;
    for (let i = 0; i < 3000; i++) {
      const text = value(0);
      const expected = findDuplicateKey(text);
      if (expected === null) expect(() => parseStrictJson(text, 'x'), text).not.toThrow();
      else {
        duplicates++;
        expect(() => parseStrictJson(text, 'x'), text).toThrow(/twice/);
      }
    }
    expect(duplicates).toBeGreaterThan(300);
  });
});

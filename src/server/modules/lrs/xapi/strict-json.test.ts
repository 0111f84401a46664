import { describe, expect, it } from 'vitest';
import { findDuplicateKey } from './strict-json.js';

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

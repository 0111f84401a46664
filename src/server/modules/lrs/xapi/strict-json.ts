import { xapiError } from './xapi-error.js';

// JSON.parse keeps the last of two equal keys without a word, but xAPI says a
// statement with a duplicated property MUST be refused (Data 2.2). So after
// the native parse (which also proves the text is valid JSON) the keys are
// counted twice:
// - in the text: every colon preceded (after optional whitespace) by a quote.
//   Each key's closing quote is one; a string that starts with ':' or holds
//   `\":` adds false ones, so this count is the number of keys written or more;
// - in the parsed value, where two equal keys of one object became one, so
//   this count is the number of keys written or fewer.
// Equal counts therefore prove there is no duplicate. Otherwise (a duplicate,
// or a false colon) the exact scan below decides.

const QUOTE = 34;
const BACKSLASH = 92;

/** Parses JSON and refuses an object that names the same key twice. */
export function parseStrictJson(text: string, what: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw xapiError.bad(`${what} is not valid JSON.`);
  }
  if (quotedColons(text) === parsedKeys(value)) return value;
  const duplicate = findDuplicateKey(text);
  if (duplicate !== null) throw xapiError.bad(`${what} names the property "${duplicate}" twice in one object.`);
  return value;
}

/** Colons preceded by a quote and optional JSON whitespace: an upper bound on the keys in the text. */
function quotedColons(text: string): number {
  let count = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) {
    let j = i - 1;
    let c = text.charCodeAt(j);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = text.charCodeAt(--j);
    if (c === QUOTE) count++;
  }
  return count;
}

/** The keys of every object in a parsed JSON value. */
function parsedKeys(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) count += parsedKeys(item);
    return count;
  }
  for (const key of Object.keys(value)) count += 1 + parsedKeys((value as Record<string, unknown>)[key]);
  return count;
}

/** The first key that appears twice in one object, or null. Assumes valid JSON. */
export function findDuplicateKey(text: string): string | null {
  // One entry per open container: the keys so far for objects, null for arrays.
  // (Arrays, not Sets: statement objects have a handful of keys, and a linear
  // look through five strings is cheaper than building a Set for each object.)
  const stack: (string[] | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let end = i + 1;
      let escaped = false;
      while (end < text.length) {
        const d = text.charCodeAt(end);
        if (d === BACKSLASH) {
          escaped = true;
          end += 2;
          continue;
        }
        if (d === QUOTE) break;
        end++;
      }
      if (expectKey) {
        const raw = text.slice(i + 1, end);
        const key = escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
        const keys = stack[stack.length - 1]!;
        if (keys.includes(key)) return key;
        keys.push(key);
        expectKey = false;
      }
      i = end;
    } else if (c === 123 /* { */) {
      stack.push([]);
      expectKey = true;
    } else if (c === 91 /* [ */) {
      stack.push(null);
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
    } else if (c === 44 /* , */) {
      expectKey = Array.isArray(stack[stack.length - 1]);
    }
  }
  return null;
}

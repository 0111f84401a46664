import type { Language } from '../../../../shared/domain.js';
import type { Cmi5Text } from '../../packages/manifest/cmi5.types.js';

// cmi5.xml gives titles as langstrings with BCP 47 tags ("nb-NO", "en-US",
// "no", or none). A learner reads them in the first language of their chain
// the course has, matched on the primary subtag; Norwegian courses are often
// tagged "no", which serves readers of both Bokmål and Nynorsk.

const ALSO: Partial<Record<Language, string[]>> = { nb: ['no'], nn: ['no'] };

const primary = (tag: string | undefined) => (tag ?? '').toLowerCase().split('-')[0]!;

export function cmi5TextIn(text: Cmi5Text, chain: readonly Language[]): string | null {
  for (const lang of chain) {
    const wanted = [lang, ...(ALSO[lang] ?? [])];
    const hit = text.find((t) => t.value.trim() && wanted.includes(primary(t.lang)));
    if (hit) return hit.value;
  }
  return text.find((t) => t.value.trim())?.value ?? null;
}

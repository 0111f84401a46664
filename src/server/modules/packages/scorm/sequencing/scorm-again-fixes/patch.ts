// How a correction replaces one method (or setter) on a scorm-again class's
// prototype, and the check that the method is still the one 3.4.3 has.

export class ScormAgainFixError extends Error {
  override name = 'ScormAgainFixError';
}

export interface MethodPatch {
  /** scorm-again's class name, for messages. */
  className: string;
  prototype: Record<string, unknown>;
  method: string;
  /** The replaced method's declared parameter count in 3.4.3. */
  arity: number;
  /** 'set': the property's setter is replaced, not a method. */
  accessor?: 'set';
  replacement: (original: (...args: never[]) => unknown) => (this: never, ...args: never[]) => unknown;
}

/** Refuses a method that is missing or does not take the parameters 3.4.3's does. */
export function checkPatchTarget(patch: Pick<MethodPatch, 'className' | 'prototype' | 'method' | 'arity' | 'accessor'>): void {
  const original = originalOf(patch);
  if (typeof original !== 'function' || original.length !== patch.arity) {
    const what = patch.accessor ? `setter of ${patch.method}` : `${patch.arity}-parameter method`;
    throw new ScormAgainFixError(
      `scorm-again's ${patch.className}.prototype.${patch.method} is not the ${what} that ` +
        `scorm-again-fixes/ corrects; refusing to patch.`,
    );
  }
}

function originalOf(patch: Pick<MethodPatch, 'prototype' | 'method' | 'accessor'>): unknown {
  if (patch.accessor === 'set') return Object.getOwnPropertyDescriptor(patch.prototype, patch.method)?.set;
  return patch.prototype[patch.method];
}

export function apply(patch: MethodPatch): void {
  const original = originalOf(patch) as (...args: never[]) => unknown;
  const replaced = patch.replacement(original);
  Object.defineProperty(replaced, 'name', { value: `${patch.method} (corrected by Mestring)` });
  if (patch.accessor === 'set') {
    const descriptor = Object.getOwnPropertyDescriptor(patch.prototype, patch.method)!;
    Object.defineProperty(patch.prototype, patch.method, { ...descriptor, set: replaced });
  } else {
    patch.prototype[patch.method] = replaced;
  }
}

export function prototypeOf(instance: object): Record<string, unknown> {
  return Object.getPrototypeOf(instance) as Record<string, unknown>;
}

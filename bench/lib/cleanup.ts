// Temporary folders and scratch databases must go even when a run is
// interrupted (Ctrl-C), when `finally` blocks never get to run.

type Cleanup = () => unknown;
const pending = new Set<Cleanup>();

/** Registers `fn` to run on SIGINT/SIGTERM; call the returned function once it has run normally. */
export function onInterrupt(fn: Cleanup): () => void {
  pending.add(fn);
  return () => pending.delete(fn);
}

let installed = false;
/** Installs the SIGINT/SIGTERM handlers (bench/run.ts does this once). */
export function installInterruptHandlers(): void {
  if (installed) return;
  installed = true;
  const handler = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: cleaning up`);
    const all = [...pending].reverse();
    pending.clear();
    void Promise.allSettled(all.map(async (fn) => fn())).then(() => process.exit(130));
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

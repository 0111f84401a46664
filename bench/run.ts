import os from 'node:os';
import { relative } from 'node:path';
import { installInterruptHandlers } from './lib/cleanup.js';
import { formatTable, validateFigures, writeResult } from './lib/results.js';
import { BENCHMARKS } from './registry.js';

// `npm run bench -- <name> [args]`: runs one benchmark, prints its figures and
// writes bench/results/<name>.json. Without a name it lists the benchmarks. With
// `--quick` (benchmarks that support it run a smaller scenario) the figures are
// printed but not written, so a smoke test never replaces the committed results.

function list(): string {
  const names = Object.keys(BENCHMARKS).sort();
  const w = Math.max(...names.map((n) => n.length));
  return ['Available benchmarks (npm run bench -- <name>):', ...names.map((n) => `  ${n.padEnd(w)}  ${BENCHMARKS[n]!.description}`)].join('\n');
}

async function main(): Promise<number> {
  const name = process.argv[2];
  const args = process.argv.slice(3);
  const quick = args.includes('--quick');
  if (!name) {
    console.log(list());
    return 0;
  }
  const entry = Object.hasOwn(BENCHMARKS, name) ? BENCHMARKS[name] : undefined;
  if (!entry) {
    console.error(`Unknown benchmark "${name}".\n${list()}`);
    return 2;
  }
  installInterruptHandlers();
  const load = os.loadavg()[0] ?? 0;
  const cpus = os.cpus().length;
  console.log(`${name}: node ${process.version}, ${cpus} CPUs, load average ${load.toFixed(2)}`);
  if (load > cpus * 0.5) console.log(`WARNING: the machine is busy (load ${load.toFixed(2)} on ${cpus} CPUs); figures will be noisy.`);
  const started = performance.now();
  const benchmark = await entry.load();
  const figures = await benchmark.run(args);
  console.log(`\n${name}${quick ? ' --quick' : ''} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  console.log(formatTable(figures));
  if (quick) {
    validateFigures(figures);
    console.log('\n--quick: not written (the committed results stay as they are)');
    return 0;
  }
  const { path } = writeResult(name, figures);
  console.log(`\nwritten to ${relative(process.cwd(), path)}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);

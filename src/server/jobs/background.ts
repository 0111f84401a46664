/**
 * Work that outlives its request (parsing and committing imports). Tracked so
 * that shutdown and tests can wait for it; failures are logged, never lost,
 * because each job records its own outcome in the database.
 */
export class BackgroundJobs {
  private running = new Set<Promise<void>>();
  constructor(private log: { error: (obj: unknown, msg?: string) => void }) {}

  run(name: string, job: () => Promise<void>): void {
    const p: Promise<void> = job()
      .catch((err) => this.log.error({ err, job: name }, 'background job failed'))
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }

  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

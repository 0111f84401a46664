// X-Experience-API-Consistent-Through: a time before which every statement the
// LRS has acknowledged is visible to queries. Statements get their `stored`
// time before their transaction commits, so the answer is the earliest stored
// time of a batch still being written in this process (or now, when none is).
// With several server processes, each answers for its own writes; see the
// issue note.

const inFlight = new Map<number, number>();
let nextTicket = 1;

export function beginIngest(storedIso: string): number {
  const ticket = nextTicket++;
  inFlight.set(ticket, Date.parse(storedIso));
  return ticket;
}

export function endIngest(ticket: number): void {
  inFlight.delete(ticket);
}

export function consistentThrough(): string {
  let earliest = Date.now();
  for (const t of inFlight.values()) if (t - 1 < earliest) earliest = t - 1;
  return new Date(earliest).toISOString();
}

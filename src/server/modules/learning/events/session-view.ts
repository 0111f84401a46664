import type { LearningSession, SessionState } from '../../../../shared/api/learning-sessions.js';
import type { SessionView } from './events.repository.js';

export function stateOf(s: { starts_at: Date; ends_at: Date; cancelled_at: Date | null }, now: Date): SessionState {
  if (s.cancelled_at) return 'cancelled';
  if (now < s.starts_at) return 'upcoming';
  return now < s.ends_at ? 'ongoing' : 'past';
}

export function presentSession(v: SessionView, now: Date): LearningSession {
  const taken = Number(v.seats_taken);
  return {
    id: v.id,
    itemId: v.item_id,
    startsAt: v.starts_at.toISOString(),
    endsAt: v.ends_at.toISOString(),
    location: v.location,
    onlineUrl: v.online_url,
    capacity: v.capacity,
    state: stateOf(v, now),
    cancelledAt: v.cancelled_at ? v.cancelled_at.toISOString() : null,
    seatsTaken: taken,
    seatsLeft: v.capacity === null ? null : Math.max(0, v.capacity - taken),
    waitlistLength: Number(v.waitlist_length),
    myRegistration:
      v.my_status === 'registered' || v.my_status === 'waitlisted'
        ? { status: v.my_status, waitlistPosition: v.my_position === null ? null : Number(v.my_position), attended: v.my_attended }
        : null,
  };
}

/** The item's title in the given language, else bokmål, else whichever it has. */
export function titleIn(titles: Record<string, string>, language: string): string {
  return titles[language] ?? titles.nb ?? Object.values(titles)[0] ?? '';
}

import { sessionMail, type SessionMailKind } from '../../../mail/learning-session-templates.js';
import type { OutgoingMail } from '../../../mail/mailer.js';
import type { TenantTx } from '../../../db/tenant.js';
import type { AppDeps } from '../../../http/context.js';
import * as repo from './events.repository.js';
import { titleIn } from './session-view.js';

// Session e-mails are rendered inside the transaction (which knows the people
// and the session as committed) and sent after it, in the background: a mail
// server that is down must never undo a sign-up or a cancellation, so a failed
// mail is logged and the rest still go out.

const TIME_ZONES: Record<string, string> = { NO: 'Europe/Oslo', SE: 'Europe/Stockholm', DK: 'Europe/Copenhagen' };

type SessionFacts = { id: string; item_id: string; starts_at: Date; ends_at: Date; location: string | null; online_url: string | null };

export async function renderSessionMails(
  tx: TenantTx,
  deps: Pick<AppDeps, 'config'>,
  municipalityId: string,
  item: repo.EventItem,
  session: SessionFacts,
  kind: SessionMailKind,
  people: { personId: string; position?: number | null }[],
): Promise<OutgoingMail[]> {
  if (people.length === 0) return [];
  const recipients = await repo.mailRecipients(tx, municipalityId, people.map((x) => x.personId));
  const timeZone = TIME_ZONES[await repo.municipalityCountry(tx, municipalityId)] ?? 'Europe/Oslo';
  const link = `${deps.config.publicUrl}/learning/items/${session.item_id}/sessions`;
  const positions = new Map(people.map((x) => [x.personId, x.position ?? null]));
  return recipients.flatMap((r) =>
    r.email
      ? [
          {
            to: r.email,
            ...sessionMail(kind, r.preferred_language, {
              name: r.given_name,
              title: titleIn(item.titles, r.preferred_language),
              startsAt: session.starts_at,
              endsAt: session.ends_at,
              location: session.location,
              onlineUrl: session.online_url,
              timeZone,
              link,
              position: positions.get(r.id) ?? null,
            }),
          },
        ]
      : [],
  );
}

export function sendAfterCommit(deps: Pick<AppDeps, 'mailer' | 'jobs' | 'log'>, mails: OutgoingMail[]): void {
  if (mails.length === 0) return;
  deps.jobs.run('learning.session-mails', async () => {
    for (const mail of mails) {
      try {
        await deps.mailer.send(mail);
      } catch (err) {
        deps.log.error({ err, subject: mail.subject }, 'session e-mail could not be sent');
      }
    }
  });
}

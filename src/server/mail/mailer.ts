import nodemailer from 'nodemailer';

export type OutgoingMail = { to: string; subject: string; text: string };
export type Mailer = { send: (mail: OutgoingMail) => Promise<void>; close: () => void };

/**
 * Sends over SMTP when SMTP_URL is set. Without it (the demo), mail goes to the
 * log so that a local user can still follow a password-reset link.
 */
export function createMailer(options: { smtpUrl?: string; from: string; log: (msg: string) => void }): Mailer {
  if (!options.smtpUrl) {
    return {
      async send(mail) {
        options.log(`e-mail (SMTP_URL not set) to ${mail.to}: ${mail.subject}\n${mail.text}`);
      },
      close() {},
    };
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close() {
      transport.close();
    },
  };
}

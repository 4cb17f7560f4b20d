import nodemailer from "nodemailer";

/**
 * Outgoing e-mail through SMTP. Messages carry case numbers and deadlines, never names or other
 * identity: e-mail leaves our control. Without an SMTP host configured, nothing is sent (the
 * in-app notification still is).
 */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Stable per job, so a retried job's message can be recognised as the same one. */
  messageId: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

export interface SmtpSettings {
  host: string;
  port: number;
  from: string;
  /** Plain SMTP on a trusted local relay (development, tests); otherwise STARTTLS is required. */
  insecure: boolean;
}

export function smtpMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: false,
    ...(settings.insecure ? { ignoreTLS: true } : { requireTLS: true }),
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from: settings.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: `<${mail.messageId}@waypoint.invalid>`,
      });
    },
    close: () => transport.close(),
  };
}

export const noMailer: Mailer = { send: async () => {}, close: () => {} };

import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { NOTIFICATIONS_ENV } from './notifications.env';
import type { NotificationsEnv } from './notifications.env';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The same for every attempt of one notification, so a receiving system can drop a repeat. */
  messageId: string;
  unsubscribeUrl: string;
}

/** Accepted, or why not (the SMTP server's answer, or the connection problem) and whether trying again may help. */
export type MailOutcome = { sent: true } | { sent: false; reason: string; retry: boolean };

/** Pooled connections and bounded waits, unless the URL's own query sets them (nodemailer reads them from there). */
function withDefaults(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  const defaults = { pool: 'true', maxConnections: '3', connectionTimeout: '10000', greetingTimeout: '10000', socketTimeout: '20000' };
  for (const [name, value] of Object.entries(defaults)) if (!url.searchParams.has(name)) url.searchParams.set(name, value);
  return url.toString();
}

/** Sends through the SMTP server of `SMTP_URL` (nodemailer, pooled connections); without it, sends nothing. */
@Injectable()
export class MailSender implements OnApplicationShutdown {
  private readonly transport: Transporter | null;

  constructor(@Inject(NOTIFICATIONS_ENV) private readonly env: NotificationsEnv) {
    this.transport = env.SMTP_URL ? createTransport(withDefaults(env.SMTP_URL)) : null;
  }

  async send(mail: OutgoingMail): Promise<MailOutcome> {
    if (!this.transport) return { sent: false, reason: 'SMTP_URL is not set: this deployment sends no email', retry: false };
    try {
      await this.transport.sendMail({
        from: this.env.MAIL_FROM,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>`, 'Auto-Submitted': 'auto-generated' },
      });
      return { sent: true };
    } catch (error) {
      const { response, message } = error as { response?: string; message?: string };
      return { sent: false, reason: response ?? message ?? String(error), retry: true };
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}

import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  /** Unfolded headers, names lower-cased. */
  headers: Record<string, string>;
  subject: string;
  /** The plain-text part, quoted-printable decoded. */
  text: string;
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Headers and the text/plain part of a message nodemailer wrote (enough for tests; not a general MIME parser). */
function parse(raw: string): Pick<ReceivedMail, 'headers' | 'subject' | 'text'> {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = rest.join('\r\n\r\n');
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  const parts = boundary ? body.split(`--${boundary}`) : [body];
  const plain = parts.find((part) => /Content-Type: text\/plain/i.test(part)) ?? body;
  const content = boundary
    ? plain
        .split(/\r?\n\r?\n/)
        .slice(1)
        .join('\r\n\r\n')
    : plain;
  return { headers, subject: headers.subject ?? '', text: decodeQuotedPrintable(content.trim()) };
}

/** A real SMTP listener on a free local port; mailboxes in `refuse` are answered 550 at RCPT TO. */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  readonly refused: string[] = [];
  readonly refuse = new Set<string>();

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<SmtpSink> {
    // The callbacks need the sink, which needs the server's port: filled in once it listens.
    const ref: { sink?: SmtpSink } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (ref.sink?.refuse.has(address.address.toLowerCase())) {
          ref.sink.refused.push(address.address);
          const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
          return callback(error);
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          ref.sink?.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            raw,
            ...parse(raw),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ref.sink = new SmtpSink(server, (server.server.address() as AddressInfo).port);
    return ref.sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

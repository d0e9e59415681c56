// `npm start` without SMTP_URL: a local SMTP server that keeps every message the services send as an .eml file
// under .data/mail/ and prints one line per message, so notifications can be seen working without a mail account.
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Starts the sink on 127.0.0.1 (a free port); resolves to { url, stop }. */
export async function startMailSink(directory, log) {
  const { SMTPServer } = require('smtp-server');
  await mkdir(directory, { recursive: true });
  let sequence = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(raw.toString('utf8'))?.[1]?.replace(/\r?\n[ \t]+/g, ' ') ?? '';
        const to = session.envelope.rcptTo.map((recipient) => recipient.address).join(', ');
        const file = path.join(directory, `${new Date().toISOString().replace(/[:.]/g, '-')}-${++sequence}.eml`);
        try {
          await writeFile(file, raw);
          log(`to ${to}: ${subject}  (${path.relative(process.cwd(), file)})`);
          callback();
        } catch (error) {
          callback(error);
        }
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `smtp://127.0.0.1:${server.server.address().port}`,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

// A Warden webhook receiver: verifies each delivery's Standard Webhooks signature, de-duplicates on webhook-id and
// prints one JSON line per event. `WARDEN_WEBHOOK_SECRET=whsec_… PORT=8080 node examples/webhook-receiver.mjs`
// (`npm i standardwebhooks`). e2e/contracts/webhook-receiver.e2e-spec.ts runs it against a real stack.
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const hook = new Webhook(process.env.WARDEN_WEBHOOK_SECRET); // whsec_…
const seen = new Set(); // a real receiver keeps the ids it handled in its database

createServer((req, res) => {
  let body = '';
  req
    .on('data', (chunk) => (body += chunk))
    .on('end', () => {
      let event;
      try {
        event = hook.verify(body, req.headers); // throws on a bad signature or a timestamp older than 5 minutes
      } catch {
        res.statusCode = 400;
        return res.end();
      }
      if (!seen.has(req.headers['webhook-id'])) {
        seen.add(req.headers['webhook-id']);
        console.log(JSON.stringify({ id: event.id, type: event.type, subject: event.subject, data: event.data }));
      }
      res.statusCode = 204; // answer fast (within 10 s); do slow work after answering
      res.end();
    });
}).listen(Number(process.env.PORT ?? 8080), () => console.error(`listening on ${process.env.PORT ?? 8080}`));

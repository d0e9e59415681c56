// TEMP (not to be committed): CPU profiles of the gateway/services under load.
import { BenchStack } from './lib/stack.mjs';
import { seed } from './lib/seed.mjs';
import { hammer } from './lib/load.mjs';
const dir = process.argv[2];
process.env.NODE_OPTIONS = `--require /tmp/prof-preload.cjs`; process.env.PROF_DIR = dir;
const stack = new BenchStack();
try {
  await stack.start();
  delete process.env.NODE_OPTIONS;
  const s = await seed(stack.gateways.cached);
  const pids = Object.fromEntries([...stack.children.keys()].map((k) => [k, stack.pid(k)]));
  console.log(JSON.stringify(pids));
  await hammer({ url: `${stack.gateways.cached}/api/v1/orders/${s.visibleOrder.id}`, token: s.employeeToken, seconds: 3, connections: 10 });
  for (const [gw, secs] of [['cached', 8], ['uncached', 8]]) {
    const r = await hammer({ url: `${stack.gateways[gw]}/api/v1/orders/${s.visibleOrder.id}`, token: s.employeeToken, seconds: secs, connections: 10 });
    console.log(gw, Math.round(r.rps), 'req/s', r.non2xx, r.errors);
  }
  const f = await hammer({ url: `${stack.gateways.cached}/api/v1/bench/order?tenantId=${s.tenantId}&orderId=${s.visibleOrder.id}`, seconds: 5, connections: 10 });
  console.log('fetch', Math.round(f.rps));
  for (const pid of Object.values(pids)) try { process.kill(pid, 'SIGUSR2'); } catch {}
  await new Promise((r) => setTimeout(r, 3000));
} finally {
  await stack.stop();
}

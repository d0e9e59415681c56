// HTTP load with autocannon in a child process, so the load generator does not share an event loop
// (or a CPU, where there are several) with the bench's own bookkeeping.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AUTOCANNON = require.resolve('autocannon/autocannon.js');

/** One autocannon run (GET unless `method`, with a JSON `body` if given): { rps, p50, p99, non2xx, errors, bytesPerResponse }. */
export function hammer({ url, token, seconds, connections, method = 'GET', body }) {
  const args = [AUTOCANNON, '-j', '-n', '-c', String(connections), '-d', String(seconds), '-m', method];
  if (token) args.push('-H', `authorization=Bearer ${token}`);
  if (body !== undefined) args.push('-H', 'content-type=application/json', '-b', JSON.stringify(body));
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${err.trim()}`));
      try {
        const result = JSON.parse(out);
        resolve({
          rps: result.requests.average,
          total: result.requests.total,
          p50: result.latency.p50,
          p99: result.latency.p99,
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
          bytesPerResponse: result.requests.total > 0 ? result.throughput.total / result.requests.total : 0,
        });
      } catch (error) {
        reject(new Error(`autocannon output not JSON: ${error.message}: ${out.slice(0, 200)} ${err.slice(0, 200)}`));
      }
    });
  });
}

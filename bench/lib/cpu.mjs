// CPU time of the bench's own processes (Linux /proc), to show where a request's time goes: per request,
// how many ms of CPU the gateway, the workflow and the permissions service spent. Elsewhere: empty.
import { readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime + stime
  } catch {
    return undefined;
  }
}

/** Snapshot of {name: cpu ms}; `since(snapshot, requests)` gives CPU ms per request since then. */
export function cpuSnapshot(pids) {
  const taken = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuMs(pid)]));
  return {
    perRequest(requests) {
      const result = {};
      for (const [name, pid] of Object.entries(pids)) {
        const now = cpuMs(pid);
        if (now !== undefined && taken[name] !== undefined && requests > 0) result[name] = (now - taken[name]) / requests;
      }
      return result;
    },
  };
}

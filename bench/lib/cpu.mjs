// CPU time of the bench's own processes (Linux /proc), to show where a request's time goes: per request,
// how many ms of CPU the gateway, the workflow and the permissions service spent. Elsewhere: empty.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime + stime
  } catch {
    return undefined;
  }
}

/** CPU ms of every process whose command is `command` (e.g. all of PostgreSQL's backends), by pid. */
function cpuMsOfCommand(command) {
  const result = new Map();
  let entries = [];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return result;
  }
  for (const pid of entries) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== command) continue;
    } catch {
      continue;
    }
    const ms = cpuMs(pid);
    if (ms !== undefined) result.set(pid, ms);
  }
  return result;
}

/**
 * Snapshot of {name: cpu ms}; `perRequest(requests)` gives CPU ms per request since then. `commands` are summed
 * over every process of that name (processes that ended in between are lost; ones started since count whole).
 */
export function cpuSnapshot(pids, commands = []) {
  const taken = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuMs(pid)]));
  const takenByCommand = Object.fromEntries(commands.map((command) => [command, cpuMsOfCommand(command)]));
  return {
    perRequest(requests) {
      const result = {};
      if (requests <= 0) return result;
      for (const [name, pid] of Object.entries(pids)) {
        const now = cpuMs(pid);
        if (now !== undefined && taken[name] !== undefined) result[name] = (now - taken[name]) / requests;
      }
      for (const command of commands) {
        let spent = 0;
        for (const [pid, ms] of cpuMsOfCommand(command)) spent += ms - (takenByCommand[command].get(pid) ?? 0);
        if (spent > 0) result[command] = spent / requests;
      }
      return result;
    },
  };
}

// Turns the services' pino JSON lines into one readable line each, prefixed with the service name:
//   12:00:01.123 INFO  identity    | Nest application successfully started {"context":"NestApplication"}
// Lines that are not pino JSON are printed as they are (with the prefix). `raw` keeps the JSON untouched.

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text);

const LEVELS = { 10: ['TRACE', 90], 20: ['DEBUG', 90], 30: ['INFO ', 32], 40: ['WARN ', 33], 50: ['ERROR', 31], 60: ['FATAL', 35] };
const SERVICE_COLORS = [36, 35, 34, 33, 32, 96, 95, 94];
// Fields every line has or that are shown in another form.
const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'service', 'msg', 'req', 'res', 'responseTime', 'err']);

const colorOf = new Map();
export function prefix(name, width = 11) {
  if (!colorOf.has(name)) colorOf.set(name, SERVICE_COLORS[colorOf.size % SERVICE_COLORS.length]);
  return paint(colorOf.get(name), name.padEnd(width)) + ' |';
}

function clock(time) {
  const date = typeof time === 'number' ? new Date(time) : new Date();
  return date.toISOString().slice(11, 23);
}

export function formatLine(name, line, { raw = false } = {}) {
  if (raw || !line.startsWith('{')) return `${prefix(name)} ${line}`;
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return `${prefix(name)} ${line}`;
  }
  if (typeof entry !== 'object' || entry === null || typeof entry.level !== 'number') return `${prefix(name)} ${line}`;
  const [label, color] = LEVELS[entry.level] ?? [String(entry.level).padEnd(5), 0];
  let text = typeof entry.msg === 'string' ? entry.msg : '';
  if (entry.req && entry.res) {
    text += ` ${entry.req.method} ${entry.req.url} -> ${entry.res.statusCode}`;
    if (entry.responseTime !== undefined) text += ` (${entry.responseTime} ms)`;
  }
  const extra = Object.fromEntries(Object.entries(entry).filter(([key]) => !HIDDEN.has(key)));
  if (Object.keys(extra).length > 0) text += ` ${paint(90, JSON.stringify(extra))}`;
  if (entry.err) text += `\n${entry.err.stack ?? JSON.stringify(entry.err)}`.replace(/\n/g, `\n${' '.repeat(13)}`);
  return `${paint(90, clock(entry.time))} ${paint(color, label)} ${prefix(name)} ${text}`;
}

// Keeps a set of child processes running, as an orchestrator would: a child that exits while the stack is up is
// started again after a backoff (doubling from `initialBackoffMs` up to `maxBackoffMs`, back to the start once a
// child has stayed up for `stableMs`), and the other children keep running. stop() ends the supervision and stops
// every child; nothing is restarted after it. Used by tools/start.mjs and tools/chaos.mjs.

const DEFAULTS = { initialBackoffMs: 500, maxBackoffMs: 15_000, stableMs: 30_000 };

export class Supervisor {
  /**
   * @param {object} options
   * @param {(name: string) => import('node:child_process').ChildProcess & { exited: Promise<{code: number|null, signal: string|null}> }} options.spawn
   *   starts one child (see spawnService in tools/lib/services.mjs)
   * @param {(child: import('node:child_process').ChildProcess) => Promise<void>} options.stop stops one child
   * @param {(message: string) => void} options.log
   */
  constructor({ spawn, stop, log, initialBackoffMs, maxBackoffMs, stableMs } = {}) {
    this.spawnChild = spawn;
    this.stopChild = stop;
    this.log = log ?? (() => undefined);
    this.options = {
      initialBackoffMs: initialBackoffMs ?? DEFAULTS.initialBackoffMs,
      maxBackoffMs: maxBackoffMs ?? DEFAULTS.maxBackoffMs,
      stableMs: stableMs ?? DEFAULTS.stableMs,
    };
    /** name -> { child, startedAt, backoffMs, restarts, timer } */
    this.entries = new Map();
    this.stopping = false;
    this.listeners = new Set();
  }

  /** Starts a child under supervision. */
  add(name) {
    if (this.entries.has(name)) throw new Error(`${name} is already supervised`);
    const entry = { child: undefined, startedAt: 0, backoffMs: this.options.initialBackoffMs, restarts: 0, timer: undefined };
    this.entries.set(name, entry);
    this.#start(name, entry);
  }

  /** The running child of a name (undefined while it waits for its restart). */
  child(name) {
    return this.entries.get(name)?.child;
  }

  /** Every running child. */
  children() {
    return [...this.entries.values()].map((entry) => entry.child).filter(Boolean);
  }

  /** Called with (name, child) each time a child is started (first start and restarts). */
  onStart(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops supervising, then stops the children: those named in `first` one after the other, then the rest together. */
  async stop(first = []) {
    this.stopping = true;
    for (const entry of this.entries.values()) clearTimeout(entry.timer);
    for (const name of first) {
      const child = this.entries.get(name)?.child;
      if (child) await this.stopChild(child);
    }
    await Promise.all(this.children().map((child) => this.stopChild(child)));
  }

  #start(name, entry) {
    entry.timer = undefined;
    if (this.stopping) return;
    const child = this.spawnChild(name);
    entry.child = child;
    entry.startedAt = Date.now();
    this.log(`${name} started (pid ${child.pid})${entry.restarts > 0 ? `, restart ${entry.restarts}` : ''}`);
    for (const listener of this.listeners) listener(name, child);
    child.once('exit', (code, signal) => {
      if (entry.child === child) entry.child = undefined;
      if (this.stopping) return;
      if (Date.now() - entry.startedAt >= this.options.stableMs) entry.backoffMs = this.options.initialBackoffMs;
      const delay = entry.backoffMs;
      entry.backoffMs = Math.min(entry.backoffMs * 2, this.options.maxBackoffMs);
      entry.restarts += 1;
      this.log(`${name} exited (${signal ? `signal ${signal}` : `exit code ${code}`}); restarting in ${delay} ms`);
      entry.timer = setTimeout(() => this.#start(name, entry), delay);
    });
  }
}

import { hostname } from 'node:os';
import { ModeldebugError } from '../core/errors.js';
import type { SqliteDatabase } from './open-database.js';

/** How often a process that runs a run says it is still alive. */
export const HEARTBEAT_MS = 30_000;
/**
 * A run owned by a process on another host (a store on a shared disk) is taken as gone when its heartbeat
 * is this old; on this host the process table answers exactly, however long a fit blocks the heartbeat.
 */
export const STALE_AFTER_MS = 10 * 60_000;

export interface RunOwner {
  readonly pid: number | null;
  readonly host: string | null;
  /** ISO time of the owner's last heartbeat (or of the run's last update, for a run without an owner). */
  readonly heartbeatAt: string;
}

export interface ProcessIdentity {
  readonly pid: number;
  readonly host: string;
}

export const THIS_PROCESS: ProcessIdentity = { pid: process.pid, host: hostname() };

/** Whether the process that owns a `running` run may still be running it. */
export function isOwnerAlive(owner: RunOwner, self: ProcessIdentity, now: number): boolean {
  if (owner.pid !== null && owner.host === self.host) return isProcessAlive(owner.pid);
  return now - Date.parse(owner.heartbeatAt) < STALE_AFTER_MS;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the pid exists but belongs to another user — alive all the same.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface OwnerRow {
  id: string;
  owner_pid: number | null;
  owner_host: string | null;
  heartbeat_at: string | null;
  updated_at: string;
}

const toOwner = (row: OwnerRow): RunOwner => ({
  pid: row.owner_pid,
  host: row.owner_host,
  heartbeatAt: row.heartbeat_at ?? row.updated_at,
});

/**
 * The stale rule, applied when a store is opened: a `running` run whose process is gone (killed, crashed,
 * the machine rebooted) becomes `interrupted`, with who ran it in `error`; `search --resume` picks it up.
 */
export function markInterruptedRuns(db: SqliteDatabase, self: ProcessIdentity): string[] {
  const running = db
    .prepare("SELECT id, owner_pid, owner_host, heartbeat_at, updated_at FROM runs WHERE status = 'running'")
    .all() as OwnerRow[];
  const now = Date.now();
  const gone = running.filter((row) => !isOwnerAlive(toOwner(row), self, now));
  const mark = db.prepare(
    "UPDATE runs SET status = 'interrupted', error = ?, updated_at = ? WHERE id = ? AND status = 'running'",
  );
  for (const row of gone) {
    const who = row.owner_pid === null ? 'its process' : `process ${row.owner_pid} on ${row.owner_host}`;
    const since = row.heartbeat_at ?? row.updated_at;
    mark.run(
      `interrupted: ${who} stopped without finishing (last seen ${since})`,
      new Date(now).toISOString(),
      row.id,
    );
  }
  return gone.map((row) => row.id);
}

/**
 * Takes a run for this process (the lease a resume needs): atomically, so of two resumes started at once
 * one gets it and the other is refused before computing anything. A run still held by a live process is
 * `run_busy`.
 */
export function claimRun(db: SqliteDatabase, runId: string, self: ProcessIdentity): void {
  db.transaction(() => {
    const row = db
      .prepare('SELECT id, status, owner_pid, owner_host, heartbeat_at, updated_at FROM runs WHERE id = ?')
      .get(runId) as (OwnerRow & { status: string }) | undefined;
    if (!row) return;
    const mine = row.owner_pid === self.pid && row.owner_host === self.host;
    if (row.status === 'running' && !mine && isOwnerAlive(toOwner(row), self, Date.now())) {
      throw new ModeldebugError(
        'run_busy',
        `run ${runId} is being run by process ${row.owner_pid ?? '?'} on ${row.owner_host ?? '?'}`,
        { hint: 'wait for it to finish (modeldebug runs shows its status), or stop that process first' },
      );
    }
    const now = new Date().toISOString();
    db.prepare(
      "UPDATE runs SET status = 'running', error = NULL, owner_pid = ?, owner_host = ?, heartbeat_at = ?, updated_at = ? WHERE id = ?",
    ).run(self.pid, self.host, now, now, runId);
  }).immediate();
}

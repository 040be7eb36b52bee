import { readFileSync } from 'node:fs';

/**
 * Who a process is, beyond its pid: a pid is reused once its process is gone (soon, in a container where the
 * service is pid 1 at every start), so a lock that names only a pid cannot tell its holder from a newcomer.
 * On Linux the kernel tells the process's start time (clock ticks since boot, field 22 of /proc/<pid>/stat)
 * and the boot's id: together with the pid they name one process for ever.
 */
export interface ProcessIdentity {
  pid: number;
  /** Start time in clock ticks since boot; absent where /proc is not there. */
  startTime?: string;
  /** /proc/sys/kernel/random/boot_id: tells a pid of this boot from the same pid before a restart. */
  bootId?: string;
}

/** What the kernel says of a pid, as far as holding a lock goes. */
export type ProcessLiveness = 'running' | 'gone' | 'unknown';

/** PF_EXITING in the flags of /proc/<pid>/stat: the process has begun to exit (killed, or returning). */
const PF_EXITING = 0x4;
/** SIGKILL's bit in the pending-signal masks of /proc/<pid>/status. */
const SIGKILL_BIT = 1n << 8n;

export function thisProcess(): ProcessIdentity {
  const stat = readStat(process.pid);
  const bootId = readBootId();
  return {
    pid: process.pid,
    ...(stat ? { startTime: stat.startTime } : {}),
    ...(bootId ? { bootId } : {}),
  };
}

/**
 * Whether the process a lock file names still runs. It does not when its pid is gone, when the process is a
 * zombie or dead (killed, waiting for its parent to collect it: `kill(pid, 0)` still finds it, for as long as
 * the parent takes), when it has begun to exit or has a SIGKILL pending (a restart right after `kill -9`), when
 * another process got the pid since (another start time), or when the machine restarted since (another boot).
 * 'unknown' where /proc cannot tell (another system): the caller asks `kill(pid, 0)` instead.
 */
export function livenessOf(holder: ProcessIdentity): ProcessLiveness {
  if (holder.bootId !== undefined) {
    const bootId = readBootId();
    if (bootId !== null && bootId !== holder.bootId) return 'gone';
  }
  let stat: ProcStat | null;
  try {
    stat = readStat(holder.pid, true);
  } catch {
    return 'unknown';
  }
  if (stat === null) return 'gone';
  if (stat.state === 'Z' || stat.state === 'X' || stat.state === 'x') return 'gone';
  if ((stat.flags & PF_EXITING) !== 0) return 'gone';
  if (holder.startTime !== undefined && stat.startTime !== holder.startTime) return 'gone';
  if (hasSigkillPending(holder.pid)) return 'gone';
  return 'running';
}

interface ProcStat {
  state: string;
  flags: number;
  startTime: string;
}

/**
 * Fields of /proc/<pid>/stat. The command name (field 2) is in parentheses and may hold spaces and ')', so the
 * fields are counted from the last ')'. Null when the pid does not exist; with `strict`, other errors (no /proc,
 * no permission) are thrown rather than read as "not there".
 */
function readStat(pid: number, strict = false): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ESRCH' || (code === 'ENOENT' && procIsMounted())) return null;
    if (strict) throw error;
    return null;
  }
  // After ") ": state (field 3), then fields 4.. ; flags is field 9, starttime field 22.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0], flags: Number(fields[9 - 3]), startTime: fields[22 - 3] };
}

function hasSigkillPending(pid: number): boolean {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'latin1');
  } catch {
    return false;
  }
  for (const name of ['SigPnd', 'ShdPnd']) {
    const mask = new RegExp(`^${name}:\\s*([0-9a-f]+)$`, 'm').exec(status)?.[1];
    if (mask !== undefined && (BigInt(`0x${mask}`) & SIGKILL_BIT) !== 0n) return true;
  }
  return false;
}

function readBootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'latin1').trim() || null;
  } catch {
    return null;
  }
}

function procIsMounted(): boolean {
  try {
    readFileSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
}

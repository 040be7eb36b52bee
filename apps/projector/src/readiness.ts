import type { CheckResult, HealthReport } from './health-server';
import type { WorkerRole } from './leased-worker';

const CHECK_TIMEOUT_MS = 2000;

export interface ReadinessProbe {
  pingEventStore(): Promise<void>;
  pingReadStore(): Promise<void>;
  role(): WorkerRole;
  /** Whether the read models include everything the log held when the projections caught up. */
  caughtUp(): boolean;
  /** Shown in the answer: the work's state (positions, restarts, last error). */
  details(): Record<string, unknown>;
}

/**
 * Ready when both stores answer and the projector is either standing by (ready to take over) or holding the
 * lease with the projections caught up. Starting (catching up), stopping and stopped are not ready.
 */
export async function checkReadiness(probe: ReadinessProbe): Promise<HealthReport> {
  const [eventStore, readStore] = await Promise.all([ping(probe.pingEventStore), ping(probe.pingReadStore)]);
  const role = probe.role();
  const working = role === 'standby' || (role === 'active' && probe.caughtUp());
  const projector: CheckResult = { status: working ? 'up' : 'down', role, ...probe.details() };
  const details = { eventStore, readStore, projector };
  const ok = Object.values(details).every((check) => check.status === 'up');
  return { status: ok ? 'ok' : 'error', details };
}

async function ping(attempt: () => Promise<void>): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([attempt(), timeout]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', message: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

import { checkReadiness, type ReadinessProbe } from './readiness';
import type { WorkerRole } from './leased-worker';

const probe = (overrides: Partial<ReadinessProbe> = {}): ReadinessProbe => ({
  pingEventStore: async () => undefined,
  pingReadStore: async () => undefined,
  role: () => 'active',
  caughtUp: () => true,
  details: () => ({ position: '42' }),
  ...overrides,
});

describe('projector readiness', () => {
  it('is ready holding the lease once caught up, and says where it is', async () => {
    const report = await checkReadiness(probe());

    expect(report).toEqual({
      status: 'ok',
      details: {
        eventStore: { status: 'up' },
        readStore: { status: 'up' },
        projector: { status: 'up', role: 'active', position: '42' },
      },
    });
  });

  it('is not ready while catching up', async () => {
    const report = await checkReadiness(probe({ caughtUp: () => false }));

    expect(report.status).toBe('error');
    expect(report.details.projector).toMatchObject({ status: 'down', role: 'active' });
  });

  it('is ready standing by (it can take over), whatever the work would say', async () => {
    expect((await checkReadiness(probe({ role: () => 'standby', caughtUp: () => false }))).status).toBe('ok');
  });

  it.each<WorkerRole>(['starting', 'stopping', 'stopped'])('is not ready while %s', async (role) => {
    expect((await checkReadiness(probe({ role: () => role }))).status).toBe('error');
  });

  it('is not ready when a store does not answer, naming it and why', async () => {
    const report = await checkReadiness(
      probe({ role: () => 'standby', pingReadStore: () => Promise.reject(new Error('connection refused')) }),
    );

    expect(report.status).toBe('error');
    expect(report.details.readStore).toEqual({ status: 'down', message: 'connection refused' });
    expect(report.details.eventStore).toEqual({ status: 'up' });
  });
});

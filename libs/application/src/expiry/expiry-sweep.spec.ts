import type { RecordedEvent } from '@invitations/event-store';
import { InMemoryReadModels, type Invitees } from '@invitations/read-models';
import { applyEvents } from '@invitations/read-models/testing';
import { InMemoryEventStore } from '@invitations/event-store/testing';
import { eventually } from '@invitations/kernel/testing';
import { CapturingLogger } from '@invitations/kernel/testing';
import {
  AFTER_EXPIRY,
  BATCH,
  BEFORE_EXPIRY,
  EXPIRES_AT,
  sendCommand,
  stageCommand,
} from '@invitations/domain/testing';
import { ExpirySweep } from './expiry-sweep';
import { ManualClock } from '@invitations/kernel/testing';
import { ManualFence } from '@invitations/runtime/testing';
import { onInvitee } from '../testing/invitee-commands';

describe('ExpirySweep', () => {
  let store: InMemoryEventStore;
  let readModels: InMemoryReadModels;
  let clock: ManualClock;
  let logger: CapturingLogger;

  /** An invitee invited with EXPIRES_AT as its expiry, in the log and (as the projections would) in the read model. */
  async function invited(inviteeId: string, expiresAt = EXPIRES_AT): Promise<void> {
    await onInvitee(store, inviteeId, stageCommand({ inviteeId }));
    await onInvitee(store, inviteeId, sendCommand({ expiresAt }));
    const events: RecordedEvent[] = [];
    for await (const event of store.readStream(`invitee-${inviteeId}`)) events.push(event);
    await applyEvents(readModels.storage, events);
    expect(await readModels.invitees.byId(BATCH.organisationId, inviteeId)).toMatchObject({
      state: 'INVITED',
    });
  }

  const typesOf = async (inviteeId: string) => {
    const types: string[] = [];
    for await (const event of store.readStream(`invitee-${inviteeId}`)) types.push(event.type);
    return types;
  };

  beforeEach(() => {
    store = new InMemoryEventStore();
    readModels = new InMemoryReadModels();
    clock = new ManualClock(new Date(AFTER_EXPIRY));
    logger = new CapturingLogger();
  });

  it('expires the invitations that are due, and only those', async () => {
    await invited('due');
    await invited('not-due', '2099-01-01T00:00:00.000Z');
    const sweep = new ExpirySweep(store, readModels.invitees, clock, { logger });

    expect(await sweep.sweep()).toBe(1);
    expect(await typesOf('due')).toEqual(['InviteeStaged', 'InvitationSent', 'InvitationExpired']);
    expect(await typesOf('not-due')).toEqual(['InviteeStaged', 'InvitationSent']);
  });

  it('writes nothing the second time, even while the read model still says INVITED', async () => {
    await invited('due');
    const sweep = new ExpirySweep(store, readModels.invitees, clock, { logger });
    await sweep.sweep();
    clock.set('2025-03-17T09:01:00.000Z');

    expect(await sweep.sweep()).toBe(0);
    expect(await typesOf('due')).toEqual(['InviteeStaged', 'InvitationSent', 'InvitationExpired']);
  });

  it('runs one sweep at a time: a second call while one runs shares it', async () => {
    await invited('due');
    const sweep = new ExpirySweep(store, readModels.invitees, clock, { logger });

    const [first, second] = await Promise.all([sweep.sweep(), sweep.sweep()]);

    expect([first, second]).toEqual([1, 1]);
    expect(await typesOf('due')).toHaveLength(3);
  });

  it('expires nothing once its fence is lost', async () => {
    await invited('due');
    const fence = new ManualFence();
    fence.held = false;
    const sweep = new ExpirySweep(store, readModels.invitees, clock, { logger, fence });

    expect(await sweep.sweep()).toBe(0);
    expect(await typesOf('due')).toEqual(['InviteeStaged', 'InvitationSent']);
  });

  it('sweeps on its timer until stopped', async () => {
    clock.set(BEFORE_EXPIRY);
    await invited('due');
    const sweep = new ExpirySweep(store, readModels.invitees, clock, { logger });
    sweep.start(10);
    try {
      clock.set(AFTER_EXPIRY);
      await eventually(async () => (await typesOf('due')).includes('InvitationExpired'));
    } finally {
      await sweep.stop();
    }
    await invited('later');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await typesOf('later')).toEqual(['InviteeStaged', 'InvitationSent']);
  });

  it('reports a sweep that cannot read the read model, and keeps the timer going', async () => {
    const broken: Pick<Invitees, 'dueToExpire'> = {
      dueToExpire: () => Promise.reject(new Error('read store unreachable')),
    };
    const sweep = new ExpirySweep(store, broken, clock, { logger });
    sweep.start(10);
    try {
      await eventually(() => logger.errors().length >= 2);
    } finally {
      await sweep.stop();
    }
    expect(logger.errors()[0]).toBe('expiry sweep failed: read store unreachable');
  });
});

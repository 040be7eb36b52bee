/**
 * Test helper, run as a child process: appends events to the store in the directory given, from several
 * concurrent writers, for ever, and prints each event's id on its own line once its append is acknowledged.
 * The test kills it with SIGKILL and checks that every printed id is in the log. (Writes to a pipe are
 * synchronous in Node on Linux, so a printed line is in the pipe before the next append starts.)
 */
import { randomUUID } from 'node:crypto';
import { EmbeddedEventStore } from '../embedded-event-store';

const WRITERS = 8;

async function writer(store: EmbeddedEventStore, streamId: string): Promise<never> {
  for (let revision = 0; ; revision += 1) {
    const id = randomUUID();
    const event = {
      id,
      type: 'InviteeStaged',
      data: { inviteeId: randomUUID(), status: 'NEW' },
      metadata: {
        organisationId: randomUUID(),
        actor: null,
        correlationId: randomUUID(),
        causationId: null,
        timestamp: new Date().toISOString(),
        schemaVersion: 1,
      },
    };
    await store.append(streamId, [event], revision === 0 ? 'no_stream' : BigInt(revision - 1));
    process.stdout.write(`${id}\n`);
  }
}

async function main(directory: string): Promise<void> {
  const store = await EmbeddedEventStore.open(directory);
  await Promise.all(Array.from({ length: WRITERS }, () => writer(store, `crash-${randomUUID()}`)));
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});

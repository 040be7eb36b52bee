import { join } from 'node:path';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { EmbeddedEventStore } from '../../../../libs/event-store/src/embedded/embedded-event-store';
import type { ReadStore } from '../../../../libs/read-store/src/read-store.port';
import { EmbeddedReadStore } from '../../../../libs/read-store/src/embedded/embedded-read-store';
import type { Notifier } from '../../../../libs/notifications/src/notifier.port';
import { OutboxNotifier } from '../../../../libs/notifications/src/outbox/outbox-notifier';
import type { ServiceConfig } from '../../../../libs/shared/src/config';

/** The event store the configuration names: the embedded log in DATA_DIR/events, or EventStoreDB. */
export async function openEventStore(config: ServiceConfig): Promise<EventStore> {
  if (config.eventStore === 'embedded') return EmbeddedEventStore.open(join(config.dataDir, 'events'));
  // Loaded only when configured: the embedded default does not carry the gRPC client.
  const { EsdbEventStore } = await import('../../../../libs/event-store/src/esdb/esdb-event-store');
  return EsdbEventStore.fromConnectionString(config.eventStore);
}

/** The read store the configuration names: in memory (rebuilt from the log at start), or MongoDB. */
export async function openReadStore(config: ServiceConfig): Promise<ReadStore> {
  if (config.readStore === 'embedded') return new EmbeddedReadStore();
  // Loaded only when configured: the MongoDB driver (and BSON's 17 MB serialisation buffer) is not needed otherwise.
  const { MongoReadStore } = await import('../../../../libs/read-store/src/mongo/mongo-read-store');
  return MongoReadStore.connect(config.readStore);
}

/** The notifier: the outbox file DATA_DIR/outbox/messages.ndjson, or SMTP (text messages still go to the outbox). */
export async function openNotifier(config: ServiceConfig): Promise<Notifier> {
  const outbox = await OutboxNotifier.open(join(config.dataDir, 'outbox'));
  if (config.notifier === 'outbox') return outbox;
  // Loaded only when configured: the embedded default needs no mail library.
  const { SmtpNotifier } = await import('../../../../libs/notifications/src/smtp/smtp-notifier');
  return new SmtpNotifier(config.notifier, {
    smsFallback: outbox,
    sentLogPath: join(config.dataDir, 'smtp', 'sent-ids.log'),
  });
}

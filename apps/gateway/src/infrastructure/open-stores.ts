import { join } from 'node:path';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { EmbeddedEventStore } from '../../../../libs/event-store/src/embedded/embedded-event-store';
import { EsdbEventStore } from '../../../../libs/event-store/src/esdb/esdb-event-store';
import type { ReadStore } from '../../../../libs/read-store/src/read-store.port';
import { EmbeddedReadStore } from '../../../../libs/read-store/src/embedded/embedded-read-store';
import { MongoReadStore } from '../../../../libs/read-store/src/mongo/mongo-read-store';
import type { Notifier } from '../../../../libs/notifications/src/notifier.port';
import { OutboxNotifier } from '../../../../libs/notifications/src/outbox/outbox-notifier';
import type { ServiceConfig } from '../../../../libs/shared/src/config';

/** The event store the configuration names: the embedded log in DATA_DIR/events, or EventStoreDB. */
export function openEventStore(config: ServiceConfig): Promise<EventStore> {
  return config.eventStore === 'embedded'
    ? EmbeddedEventStore.open(join(config.dataDir, 'events'))
    : Promise.resolve(EsdbEventStore.fromConnectionString(config.eventStore));
}

/** The read store the configuration names: in memory (rebuilt from the log at start), or MongoDB. */
export function openReadStore(config: ServiceConfig): Promise<ReadStore> {
  return config.readStore === 'embedded'
    ? Promise.resolve(new EmbeddedReadStore())
    : MongoReadStore.connect(config.readStore);
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

import type { Logger } from '@invitations/kernel';
import { join } from 'node:path';
import { connectEventStoreDb, EmbeddedEventStore, type EventStore } from '@invitations/event-store';
import { openSmtpNotifier, OutboxNotifier, type Notifier } from '@invitations/notifications';
import type { ServiceConfig } from './config';
import { connectMongoReadModels } from './mongo/connect';
import { InMemoryReadModelStores, type ReadModelStores } from './read-model-stores';

/**
 * The stores the configuration names, opened one way for every process (gateway, projector, ops). The production
 * clients are loaded only when configured, so the embedded default carries neither gRPC nor the MongoDB driver.
 */

/**
 * The event store: the embedded log in DATA_DIR/events, or EventStoreDB. The embedded log tells `logger` what its
 * open repaired (a torn last write cut off).
 */
export async function openEventStore(
  config: ServiceConfig,
  options: { logger?: Pick<Logger, 'warn'> } = {},
): Promise<EventStore> {
  if (config.eventStore === 'embedded')
    return EmbeddedEventStore.open(join(config.dataDir, 'events'), options);
  return connectEventStoreDb(config.eventStore);
}

/** The read models and their checkpoints: in memory (rebuilt from the log at start), or MongoDB. */
export async function openReadModels(
  config: ServiceConfig,
  options: { serverSelectionTimeoutMs?: number } = {},
): Promise<ReadModelStores> {
  if (config.readStore === 'embedded') return new InMemoryReadModelStores();
  return connectMongoReadModels(config.readStore, options);
}

/** The notifier: the outbox file DATA_DIR/outbox/messages.ndjson, or SMTP (text messages still go to the outbox). */
export async function openNotifier(config: ServiceConfig): Promise<Notifier> {
  const outbox = await OutboxNotifier.open(join(config.dataDir, 'outbox'));
  if (config.notifier === 'outbox') return outbox;
  return openSmtpNotifier(config.notifier, {
    smsFallback: outbox,
    sentLogPath: join(config.dataDir, 'smtp', 'sent-ids.log'),
  });
}

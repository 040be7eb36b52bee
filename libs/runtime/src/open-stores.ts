import { join } from 'node:path';
import {
  connectEventStoreDb,
  EmbeddedEventStore,
  type EventStore,
  type EventStoreLogger,
} from '@invitations/event-store';
import { openSmtpNotifier, OutboxNotifier, type Notifier } from '@invitations/notifications';
import { connectMongoReadStore, EmbeddedReadStore, type ReadStore } from '@invitations/read-store';
import type { ServiceConfig } from './config';

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
  options: { logger?: EventStoreLogger } = {},
): Promise<EventStore> {
  if (config.eventStore === 'embedded')
    return EmbeddedEventStore.open(join(config.dataDir, 'events'), options);
  return connectEventStoreDb(config.eventStore);
}

/** The read store: in memory (rebuilt from the log at start), or MongoDB. */
export async function openReadStore(
  config: ServiceConfig,
  options: { serverSelectionTimeoutMs?: number } = {},
): Promise<ReadStore> {
  if (config.readStore === 'embedded') return new EmbeddedReadStore();
  return connectMongoReadStore(config.readStore, options);
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

import type { Logger } from '@invitations/kernel';
import { join } from 'node:path';
import {
  connectEventStoreDb,
  EmbeddedEventStore,
  PersonalDataStore,
  type EventStore,
} from '@invitations/event-store';
import {
  ChannelNotifiers,
  openSmtpNotifier,
  OutboxNotifier,
  TwilioNotifier,
  twilioSettingsFromUrl,
  type Notifier,
} from '@invitations/notifications';
import type { ServiceConfig } from './config';
import { openKeyStore, personalDataOptions } from './personal-data';
import { connectMongoReadModels } from './mongo/connect';
import { InMemoryReadModelStores, type ReadModelStores } from './read-model-stores';

/**
 * The stores the configuration names, opened one way for every process (gateway, projector, ops). The production
 * clients are loaded only when configured, so the embedded default carries neither gRPC nor the MongoDB driver.
 */

/**
 * The event store: the embedded log in DATA_DIR/events, or EventStoreDB, with personal data encrypted under the
 * data keys (see openKeyStore) and streams keyed by personal data named by a keyed HMAC. The embedded log tells
 * `logger` what its open repaired (a torn last write cut off).
 */
export async function openEventStore(
  config: ServiceConfig,
  options: { logger?: Pick<Logger, 'warn'> } = {},
): Promise<PersonalDataStore> {
  const keys = await openKeyStore(config);
  const log: EventStore =
    config.eventStore === 'embedded'
      ? await EmbeddedEventStore.open(join(config.dataDir, 'events'), options)
      : await connectEventStoreDb(config.eventStore);
  return new PersonalDataStore(log, await personalDataOptions(config, keys));
}

/** The read models and their checkpoints: in memory (rebuilt from the log at start), or MongoDB. */
export async function openReadModels(
  config: ServiceConfig,
  options: { serverSelectionTimeoutMs?: number } = {},
): Promise<ReadModelStores> {
  if (config.readStore === 'embedded') return new InMemoryReadModelStores();
  return connectMongoReadModels(config.readStore, options);
}

/**
 * The notifier of each channel: emails to the outbox file DATA_DIR/outbox/messages.ndjson or SMTP (NOTIFIER), text
 * messages to the outbox or Twilio (SMS). Each provider's notifier remembers what it sent in DATA_DIR.
 */
export async function openNotifier(config: ServiceConfig): Promise<Notifier> {
  const usesOutbox = config.notifier === 'outbox' || config.sms === 'outbox';
  const outbox = usesOutbox ? await OutboxNotifier.open(join(config.dataDir, 'outbox')) : null;
  const email =
    outbox && config.notifier === 'outbox'
      ? outbox
      : await openSmtpNotifier(config.notifier, {
          sentLogPath: join(config.dataDir, 'smtp', 'sent-ids.log'),
        });
  const sms =
    outbox && config.sms === 'outbox'
      ? outbox
      : await TwilioNotifier.open(twilioSettingsFromUrl(config.sms), {
          publicBaseUrl: config.publicBaseUrl,
          sentLogPath: join(config.dataDir, 'twilio', 'sent.ndjson'),
        });
  return email === sms ? email : new ChannelNotifiers(email, sms);
}

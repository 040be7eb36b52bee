import { join } from 'node:path';
import { resolveKeptSecret } from '@invitations/auth';
import {
  KEY_DESTROYING_EVENT_TYPES,
  PERSONAL_DATA_RULES,
  PERSONAL_KEYED_STREAM_PREFIXES,
} from '@invitations/domain';
import { FileKeyStore, type KeyStore, type PersonalDataOptions } from '@invitations/event-store';
import type { ServiceConfig } from './config';

/**
 * The data keys: in MongoDB beside the read models when MONGO_URL is set (every process of a deployment shares
 * them), otherwise in DATA_DIR/keys. `readOnly` opens the embedded file beside the running service (ops reading).
 */
export async function openKeyStore(
  config: ServiceConfig,
  options: { readOnly?: boolean } = {},
): Promise<KeyStore> {
  if (config.readStore !== 'embedded') {
    const { MongoKeyStore } = await import('./mongo/mongo-key-store');
    return MongoKeyStore.connect(config.readStore);
  }
  return FileKeyStore.open(join(config.dataDir, 'keys'), options);
}

/** How the log keeps personal data out of it: the domain's rules, these keys, the stream-id secret. */
export async function personalDataOptions(
  config: ServiceConfig,
  keys: KeyStore,
): Promise<PersonalDataOptions> {
  const secret = await resolveKeptSecret(config.personalDataSecret, config.dataDir, 'personal-data-secret');
  return {
    keys,
    rules: PERSONAL_DATA_RULES,
    keyDestroyingTypes: KEY_DESTROYING_EVENT_TYPES,
    streamIdSecret: Buffer.from(secret, 'utf8'),
    keyedStreamPrefixes: PERSONAL_KEYED_STREAM_PREFIXES,
  };
}

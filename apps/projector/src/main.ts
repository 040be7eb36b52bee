import type { Server } from 'node:http';
import {
  ConfigError,
  connectMongoReadModels,
  loadConfig,
  openEventStore,
  openNotifier,
  type MongoReadModelStores,
  type ServiceConfig,
} from '@invitations/runtime';
import { resolveInvitationTokenSecret } from '@invitations/notifications';
import { consoleLogger } from './console-logger';
import { closeServer, portOf, serveHealth, type HealthReport } from './health-server';
import type { Logger } from '@invitations/kernel';
import { Projector } from './projector';
import { embeddedStoresRefusal, loadProjectorSettings, type ProjectorSettings } from './projector-settings';

const CONNECT_RETRY_MS = 2000;
const SERVER_SELECTION_TIMEOUT_MS = 5000;

/** Connection strings may carry passwords: never log them. */
const redact = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');

/**
 * The projector process: health on PORT at once, then the stores (retrying until MongoDB answers), then the
 * background work under the lease until SIGTERM or SIGINT.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const refusal = embeddedStoresRefusal(config);
  if (refusal) throw new ConfigError(refusal);
  const settings = loadProjectorSettings();
  const logger = consoleLogger('Projector');
  const shutdown = new AbortController();
  let projector: Projector | null = null;

  const server = await serveHealth(config.port, {
    ready: () => projector?.readiness() ?? Promise.resolve(connecting()),
  });
  logger.log(
    `health on http://localhost:${portOf(server)}/health/ready; lease "${settings.leaseName}" as ${settings.holder}`,
  );
  onTermination(logger, shutdown, () => stop(projector, server, logger));

  projector = await openProjector(config, settings, logger, shutdown.signal);
  if (!projector) return;
  logger.log(
    `event store ${redact(config.eventStore)}, read store ${redact(config.readStore)}: waiting for the lease`,
  );
  await projector.run();
}

async function openProjector(
  config: ServiceConfig,
  settings: ProjectorSettings,
  logger: Logger,
  signal: AbortSignal,
): Promise<Projector | null> {
  const readModels = await connectReadModels(config, logger, signal);
  if (!readModels) return null;
  const store = await openEventStore(config);
  return new Projector(
    {
      store,
      keys: store.keys,
      readModels,
      leases: readModels.lease(settings.leaseName, { ttlMs: settings.leaseTtlMs }),
      notifier: await openNotifier(config),
      tokenSecret: await resolveInvitationTokenSecret(config.invitationTokenSecret, config.dataDir),
    },
    { config, holder: settings.holder, logger },
  );
}

/** MongoDB may come up after the projector: keep trying (readiness says so meanwhile). Null once shutting down. */
async function connectReadModels(
  config: ServiceConfig,
  logger: Logger,
  signal: AbortSignal,
): Promise<MongoReadModelStores | null> {
  while (!signal.aborted) {
    try {
      return await connectMongoReadModels(config.readStore, {
        serverSelectionTimeoutMs: SERVER_SELECTION_TIMEOUT_MS,
      });
    } catch (error) {
      logger.warn(
        `cannot reach MongoDB yet (${(error as Error).message}); trying again in ${CONNECT_RETRY_MS} ms`,
      );
      await new Promise((resolve) => setTimeout(resolve, CONNECT_RETRY_MS));
    }
  }
  return null;
}

function connecting(): HealthReport {
  return { status: 'error', details: { projector: { status: 'down', role: 'connecting' } } };
}

async function stop(projector: Projector | null, server: Server, logger: Logger): Promise<void> {
  await projector?.stop();
  await closeServer(server);
  logger.log('stopped');
}

/** The first SIGTERM/SIGINT stops cleanly (work stopped, lease released); a second one exits at once. */
function onTermination(logger: Logger, shutdown: AbortController, stopAll: () => Promise<void>): void {
  const handle = (signal: NodeJS.Signals) => {
    if (shutdown.signal.aborted) process.exit(1);
    logger.log(`${signal}: stopping`);
    shutdown.abort();
    stopAll().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`could not stop cleanly: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

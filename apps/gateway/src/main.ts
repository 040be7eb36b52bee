import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, loadConfig } from '@invitations/runtime';
import { GatewayModule } from './app.module';
import { configureHttp } from './common/http/configure-http';
import { createServiceLog, flushLogSync } from './common/logging/json-log';
import { serviceLogger } from './common/logging/service-logger';
import { tuneHeap } from './heap-tuning';

/** Serves the gateway: GraphQL at /graphql, the REST routes, health; on the stores the environment names. */
async function main(): Promise<void> {
  const config = loadConfig();
  tuneHeap(config.heapGrowingPercent);
  const log = createServiceLog(config);
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot({ config }), {
    logger: serviceLogger(config, log),
  });
  configureHttp(app, config, log);
  stopOnSignals(async () => {
    await app.close();
    flushLogSync(log);
  });
  await app.listen(config.port);
  const { port } = app.getHttpServer().address() as AddressInfo;
  Logger.log(
    `Invitation service listening on http://localhost:${port}/graphql (event store: ${redact(config.eventStore)}, read store: ${redact(config.readStore)})`,
    'Gateway',
  );
  Logger.log(`Admin console at http://localhost:${port}/console`, 'Gateway');
}

/**
 * The first SIGTERM or SIGINT closes the gateway (what is being written is finished, the stores closed, the log
 * flushed: it is written in blocks) and exits 0; a second one exits at once.
 */
function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    Logger.log(`${signal}: stopping`, 'Gateway');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/** Connection strings may carry passwords: never log them. */
const redact = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});

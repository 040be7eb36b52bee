import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, loadConfig } from '@invitations/runtime';
import { GatewayModule } from './app.module';
import { tuneHeap } from './heap-tuning';

/** Serves the gateway: GraphQL at /graphql, the REST routes, health; on the stores the environment names. */
async function main(): Promise<void> {
  const config = loadConfig();
  tuneHeap(config.heapGrowingPercent);
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot({ config }), {
    // Signed webhooks (delivery receipts) are verified over the body's exact bytes.
    rawBody: true,
    logger: config.production ? ['log', 'warn', 'error'] : ['log', 'warn', 'error', 'debug'],
  });
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  await app.listen(config.port);
  const { port } = app.getHttpServer().address() as AddressInfo;
  Logger.log(
    `Invitation service listening on http://localhost:${port}/graphql (event store: ${redact(config.eventStore)}, read store: ${redact(config.readStore)})`,
    'Gateway',
  );
}

/** Connection strings may carry passwords: never log them. */
const redact = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});

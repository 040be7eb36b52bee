import { join } from 'node:path';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import depthLimit from 'graphql-depth-limit';
import { resolveJwtSecret } from '@invitations/auth';
import { TokenVerifier } from '@invitations/auth';
import { systemClock, type Clock } from '@invitations/kernel';
import { openEventStore, openNotifier, openReadStore, type ServiceConfig } from '@invitations/runtime';
import { Consistency } from './application/consistency';
import { ConsoleModule } from './console/console.module';
import { InvitationPreviews } from './application/invitation-preview';
import { PassportDirectory } from './application/passport-directory';
import { PersonIntake } from './application/person-input';
import { PoolSeats } from './application/pool-seats';
import { Staging } from './application/staging';
import { OrganisationScope } from './application/scope';
import { AuthGuard } from './auth/auth.guard';
import { AcceptInvitationHandler } from './commands/accept-invitation';
import { ResendInvitationHandler, RevokeInvitationHandler } from './commands/change-invitation';
import { CorrectInviteeHandler } from './commands/correct-invitee';
import { CreateBatchHandler } from './commands/create-batch';
import { CreateResourcePoolHandler } from './commands/create-resource-pool';
import { RemoveInviteeHandler } from './commands/remove-invitee';
import { SendInvitationsHandler } from './commands/send-invitations';
import { StageInviteeHandler } from './commands/stage-invitee';
import { formatGraphQLError } from './errors/format-graphql-error';
import { HttpErrorFilter } from './errors/http-exception.filter';
import { BatchesResolver } from './graphql/batches.resolver';
import { CommandContexts } from './graphql/command-context.factory';
import { InviteesResolver } from './graphql/invitees.resolver';
import { PoolsResolver } from './graphql/pools.resolver';
import { PublicResolver } from './graphql/public.resolver';
import { UploadsResolver } from './graphql/uploads.resolver';
import { ConfirmUploadHandler } from './uploads/confirm-upload.command';
import { PreviewUploadHandler } from './uploads/preview-upload.command';
import { UploadValidationWorkers } from './uploads/upload-validation-workers';
import { UploadsController } from './uploads/uploads.controller';
import { Uploads } from './uploads/upload.query';
import { DateScalar, DateTimeScalar } from './graphql/scalars';
import { AcceptPageController } from './http/accept-page.controller';
import { HealthController } from './http/health.controller';
import { OpsController } from './http/ops.controller';
import { BackgroundService } from './infrastructure/background.service';

import { StoresLifecycle } from './infrastructure/stores-lifecycle';
import {
  CLOCK,
  EVENT_STORE,
  NOTIFIER,
  READ_STORE,
  SERVICE_CONFIG,
  TOKEN_VERIFIER,
} from './infrastructure/tokens';
import { InviteeHistory } from './queries/history.query';
import { ReadModels } from './queries/read-models.query';

/** The gateway's GraphQL schema: the contract's API and what this service adds. */
export const SCHEMA_PATH = join(__dirname, '..', 'schema.graphql');
const MAX_QUERY_DEPTH = 10;

export interface GatewayOptions {
  config: ServiceConfig;
  clock?: Clock;
}

const commandHandlers = [
  CreateResourcePoolHandler,
  CreateBatchHandler,
  StageInviteeHandler,
  CorrectInviteeHandler,
  RemoveInviteeHandler,
  SendInvitationsHandler,
  ResendInvitationHandler,
  RevokeInvitationHandler,
  AcceptInvitationHandler,
  PreviewUploadHandler,
  ConfirmUploadHandler,
];

@Module({})
export class GatewayModule {
  static forRoot({ config, clock = systemClock }: GatewayOptions): DynamicModule {
    const infrastructure: Provider[] = [
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: CLOCK, useValue: clock },
      { provide: EVENT_STORE, useFactory: () => openEventStore(config) },
      { provide: READ_STORE, useFactory: () => openReadStore(config) },
      { provide: NOTIFIER, useFactory: () => openNotifier(config) },
      {
        provide: TOKEN_VERIFIER,
        useFactory: async () =>
          new TokenVerifier({
            ...config.jwt,
            secret: config.jwt.jwksUrl ? null : await resolveJwtSecret(config.jwt.secret, config.dataDir),
          }),
      },
      StoresLifecycle,
      BackgroundService,
      { provide: Consistency, useExisting: BackgroundService },
    ];
    return {
      module: GatewayModule,
      imports: [
        CqrsModule.forRoot(),
        TerminusModule,
        ThrottlerModule.forRoot([{ ttl: 60_000, limit: config.publicRateLimitPerMinute }]),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          typePaths: [SCHEMA_PATH],
          resolvers: { Date: DateScalar, DateTime: DateTimeScalar },
          context: ({ req }: { req: unknown }) => ({ req }),
          formatError: formatGraphQLError,
          includeStacktraceInErrorResponses: !config.production,
          introspection: true,
          csrfPrevention: true,
          validationRules: [depthLimit(MAX_QUERY_DEPTH)],
          playground: false,
        }),
        ConsoleModule.forRoot(config),
      ],
      controllers: [HealthController, AcceptPageController, OpsController, UploadsController],
      providers: [
        ...infrastructure,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        ...commandHandlers,
        OrganisationScope,
        PassportDirectory,
        PersonIntake,
        PoolSeats,
        Staging,
        InvitationPreviews,
        CommandContexts,
        ReadModels,
        InviteeHistory,
        PoolsResolver,
        BatchesResolver,
        InviteesResolver,
        PublicResolver,
        UploadsResolver,
        Uploads,
        UploadValidationWorkers,
      ],
    };
  }
}

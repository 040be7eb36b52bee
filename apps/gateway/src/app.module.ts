import { join } from 'node:path';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { ThrottlerModule } from '@nestjs/throttler';
import depthLimit from 'graphql-depth-limit';
import { systemClock, type Clock } from '@invitations/kernel';
import type { ServiceConfig } from '@invitations/runtime';
import { BatchesModule } from './batches/batches.module';
import { AuthGuard } from './common/auth/auth.guard';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { formatGraphQLError } from './common/errors/format-graphql-error';
import { HttpErrorFilter } from './common/errors/http-exception.filter';
import { DateScalar, DateTimeScalar } from './common/graphql/scalars';
import { HealthModule } from './health/health.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { InvitationsModule } from './invitations/invitations.module';
import { InviteesModule } from './invitees/invitees.module';
import { OpsModule } from './ops/ops.module';
import { PoolsModule } from './pools/pools.module';
import { UploadsModule } from './uploads/uploads.module';

/** The gateway's GraphQL schema: the contract's API and what this service adds. */
export const SCHEMA_PATH = join(__dirname, '..', 'schema.graphql');
const MAX_QUERY_DEPTH = 10;

export interface GatewayOptions {
  config: ServiceConfig;
  clock?: Clock;
}

/** The gateway: the infrastructure every feature runs on, GraphQL, and one module per feature. */
@Module({})
export class GatewayModule {
  static forRoot({ config, clock = systemClock }: GatewayOptions): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        InfrastructureModule.forRoot(config, clock),
        CqrsModule.forRoot(),
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
        PoolsModule,
        BatchesModule,
        InviteesModule,
        InvitationsModule,
        UploadsModule,
        OpsModule,
        HealthModule,
        DeliveriesModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}

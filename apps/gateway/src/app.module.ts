import { join } from 'node:path';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { CompiledQueries } from './common/graphql/compiled-queries';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { ThrottlerModule } from '@nestjs/throttler';
import { systemClock, type Clock } from '@invitations/kernel';
import type { ServiceConfig } from '@invitations/runtime';
import { AuditModule } from './audit/audit.module';
import { BatchesModule } from './batches/batches.module';
import { AdminRateLimitGuard } from './common/auth/admin-rate-limit.guard';
import { AuthGuard } from './common/auth/auth.guard';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { errorRequestsPlugin, formatGraphQLError } from './common/errors/format-graphql-error';
import { HttpErrorFilter } from './common/errors/http-exception.filter';
import { IdempotencyInterceptor } from './common/idempotency/idempotency.interceptor';
import { boundsParseOptions, boundsValidationRules, costLimitPlugin } from './common/graphql/request-bounds';
import { DateScalar, DateTimeScalar } from './common/graphql/scalars';
import { ConsoleModule } from './console/console.module';
import { HealthModule } from './health/health.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { InvitationsModule } from './invitations/invitations.module';
import { InviteesModule } from './invitees/invitees.module';
import { OpsModule } from './ops/ops.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { PoolsModule } from './pools/pools.module';
import { UploadsModule } from './uploads/uploads.module';

/** The gateway's GraphQL schema: the contract's API and what this service adds. */
export const SCHEMA_PATH = join(__dirname, '..', 'schema.graphql');

export interface GatewayOptions {
  config: ServiceConfig;
  clock?: Clock;
}

/**
 * Apollo's executor for compiled queries, and the schema it compiles against. Nest's ApolloDriverConfig leaves
 * `gateway` out of its type (federation has a driver of its own) but hands every option to ApolloServer as it is.
 */
function compiledQueries(): Partial<ApolloDriverConfig> {
  const queries = new CompiledQueries();
  return { transformSchema: queries.useSchema, ...({ gateway: queries } as Partial<ApolloDriverConfig>) };
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
        ThrottlerModule.forRoot({
          throttlers: [{ ttl: 60_000, limit: config.publicRateLimitPerMinute }],
          errorMessage: 'Too many attempts from this address: try again in a minute.',
        }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          typePaths: [SCHEMA_PATH],
          resolvers: { Date: DateScalar, DateTime: DateTimeScalar },
          context: ({ req }: { req: unknown }) => ({ req }),
          formatError: formatGraphQLError,
          includeStacktraceInErrorResponses: !config.production,
          // Off in production unless GRAPHQL_INTROSPECTION=true, and "did you mean" suggestions with it.
          introspection: config.graphqlIntrospection,
          hideSchemaDetailsFromClientErrors: !config.graphqlIntrospection,
          csrfPrevention: true,
          parseOptions: boundsParseOptions,
          validationRules: boundsValidationRules,
          // No per-field cache-control hints: the API answers no-store data, and the hints wrap every field's
          // resolver (a fifth of a page of 50's execution time).
          plugins: [costLimitPlugin, errorRequestsPlugin, ApolloServerPluginCacheControlDisabled()],
          // Answers as compact JSON: Apollo indents them by default, which costs a page of 50 a tenth more bytes to
          // write and send and a twentieth of its serving time.
          stringifyResult: (result) => JSON.stringify(result),
          // Queries run compiled (see compiled-queries.ts): the schema Nest builds is the one they compile against.
          ...compiledQueries(),
          playground: false,
        }),
        PoolsModule,
        BatchesModule,
        InviteesModule,
        InvitationsModule,
        UploadsModule,
        OpsModule,
        OrganisationsModule,
        HealthModule,
        AuditModule,
        ConsoleModule.forRoot(config),
        DeliveriesModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        // After the token is verified: the admin API's limits count per organisation and per user.
        { provide: APP_GUARD, useClass: AdminRateLimitGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}

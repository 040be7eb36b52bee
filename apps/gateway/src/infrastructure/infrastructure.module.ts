import { Global, Logger, Module, type DynamicModule } from '@nestjs/common';
import { resolveJwtSecret, TokenVerifier } from '@invitations/auth';
import type { KeyStore, PersonalDataStore } from '@invitations/event-store';
import { systemClock, type Clock } from '@invitations/kernel';
import {
  openEventStore,
  openNotifier,
  openReadModels,
  type ReadModelStores,
  type ServiceConfig,
} from '@invitations/runtime';
import { CommandContexts } from '../common/graphql/command-context.factory';
import { UseCaseHandler } from '../common/use-case.command';
import { ReadModels } from './read-models.service';
import { UploadValidationWorkers } from '../uploads/upload-validation-workers';
import { APPLICATION_PORTS, applicationPorts } from './application-ports';
import { BackgroundService } from './background.service';
import { Consistency } from './consistency';
import { StoresLifecycle } from './stores-lifecycle';
import {
  CLOCK,
  EVENT_STORE,
  INVITATION_TOKEN_SECRET,
  KEY_STORE,
  NOTIFIER,
  READ_MODELS,
  SERVICE_CONFIG,
  TOKEN_VERIFIER,
} from './tokens';
import { resolveInvitationTokenSecret } from '@invitations/notifications';

const providers = [
  UseCaseHandler,
  StoresLifecycle,
  BackgroundService,
  { provide: Consistency, useExisting: BackgroundService },
  UploadValidationWorkers,
  CommandContexts,
  ReadModels,
];

/**
 * What every feature runs on, opened once from the configuration: the stores, the notifier, the token verifier,
 * the ports the application's use cases take, and the background work (projections, notifications, expiry).
 */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: ServiceConfig, clock: Clock = systemClock): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        {
          provide: EVENT_STORE,
          useFactory: () => openEventStore(config, { logger: new Logger('EventStore') }),
        },
        {
          provide: KEY_STORE,
          inject: [EVENT_STORE],
          useFactory: (store: PersonalDataStore): KeyStore => store.keys,
        },
        { provide: READ_MODELS, useFactory: () => openReadModels(config) },
        { provide: NOTIFIER, useFactory: () => openNotifier(config) },
        {
          provide: INVITATION_TOKEN_SECRET,
          useFactory: () => resolveInvitationTokenSecret(config.invitationTokenSecret, config.dataDir),
        },
        {
          provide: TOKEN_VERIFIER,
          useFactory: async () =>
            new TokenVerifier({
              ...config.jwt,
              secret: config.jwt.jwksUrl ? null : await resolveJwtSecret(config.jwt.secret, config.dataDir),
            }),
        },
        {
          provide: APPLICATION_PORTS,
          inject: [EVENT_STORE, READ_MODELS, UploadValidationWorkers, INVITATION_TOKEN_SECRET],
          useFactory: (
            store: PersonalDataStore,
            readModels: ReadModelStores,
            workers: UploadValidationWorkers,
            tokenSecret: Uint8Array,
          ) => applicationPorts(config, { store, readModels, workers, tokenSecret }, clock),
        },
        ...providers,
      ],
      exports: [
        SERVICE_CONFIG,
        CLOCK,
        EVENT_STORE,
        KEY_STORE,
        READ_MODELS,
        NOTIFIER,
        TOKEN_VERIFIER,
        APPLICATION_PORTS,
        ...providers,
      ],
    };
  }
}

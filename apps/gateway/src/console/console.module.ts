import { Module, type DynamicModule } from '@nestjs/common';
import { SERVICE_CONFIG, type ServiceConfig } from '@invitations/runtime';
import { ConsoleAuthController } from './console-auth.controller';
import { ConsolePagesController } from './console-pages.controller';
import { CONSOLE_SETTINGS, consoleSettings } from './console-settings';

/**
 * The admin console (apps/console), served by the gateway at /console: the built app, its sign-in settings and
 * the development sign-in. The console itself talks only to the public API (GraphQL and the REST routes).
 */
@Module({})
export class ConsoleModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: ConsoleModule,
      // The sign-in routes before the pages' catch-all, so that /console/auth/config is not taken for a page.
      controllers: [ConsoleAuthController, ConsolePagesController],
      providers: [
        { provide: CONSOLE_SETTINGS, useValue: consoleSettings(config) },
        { provide: SERVICE_CONFIG, useValue: config },
      ],
    };
  }
}

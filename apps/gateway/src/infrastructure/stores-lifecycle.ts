import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@invitations/event-store';
import type { Notifier } from '@invitations/notifications';
import type { ReadModelStores } from '@invitations/runtime';
import { EVENT_STORE, NOTIFIER, READ_MODELS } from './tokens';

/** Closes the stores last, after everything that uses them has stopped (Nest shuts providers down in reverse). */
@Injectable()
export class StoresLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModelStores,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.notifier.close();
    await this.readModels.close();
    await this.store.close();
  }
}

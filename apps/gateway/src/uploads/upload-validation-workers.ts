import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ValidationWorkers } from '@invitations/uploads';

/** The gateway's spare upload validation worker (see ValidationWorkers), ended when the gateway stops. */
@Injectable()
export class UploadValidationWorkers extends ValidationWorkers implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}

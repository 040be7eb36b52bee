import { Inject, Injectable } from '@nestjs/common';
import type { ServiceConfig } from '@invitations/runtime';
import { rateLimited, type HttpRefusal } from '../common/errors/http-refusal';
import { SERVICE_CONFIG } from '../infrastructure/tokens';

/**
 * At most UPLOAD_CONCURRENCY uploads are parsed at once (each holds a validation worker, a thread with its own
 * heap, and its rows until they are recorded): the gateway's memory stays bounded however many admins upload, or
 * however slowly their files arrive. The next upload waits its turn for UPLOAD_QUEUE_WAIT_SECONDS, then is
 * refused with 429 RATE_LIMITED and Retry-After.
 */
@Injectable()
export class UploadSlots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(@Inject(SERVICE_CONFIG) private readonly config: Pick<ServiceConfig, 'uploadBounds'>) {}

  /** A turn to parse one upload; call what it resolves with once the upload is done (whatever its outcome). */
  acquire(): Promise<() => void> {
    const { concurrency, queueWaitSeconds } = this.config.uploadBounds;
    if (this.active < concurrency) {
      this.active += 1;
      return Promise.resolve(this.release());
    }
    return new Promise((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        this.active += 1;
        resolve(this.release());
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(turn), 1);
        reject(this.busy());
      }, queueWaitSeconds * 1000);
      this.waiting.push(turn);
    });
  }

  /** Uploads being parsed now. */
  get inProgress(): number {
    return this.active;
  }

  private release(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
      this.waiting.shift()?.();
    };
  }

  private busy(): HttpRefusal {
    const { concurrency, queueWaitSeconds } = this.config.uploadBounds;
    return rateLimited(
      `${concurrency} uploads are being read already: try again in a few seconds.`,
      Math.max(5, queueWaitSeconds),
    );
  }
}

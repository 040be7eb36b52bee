import { Inject, Injectable } from '@nestjs/common';
import { previewInvitation, type InvitationPreview } from '@invitations/application';
import type { Clock } from '@invitations/kernel';
import { APPLICATION_PORTS, type ApplicationPorts } from '../infrastructure/application-ports';
import { CLOCK } from '../infrastructure/tokens';

/** What the holder of a token sees before accepting (the accept page and `invitationByToken`), as of now. */
@Injectable()
export class InvitationPreviews {
  constructor(
    @Inject(APPLICATION_PORTS) private readonly ports: ApplicationPorts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  preview(token: string): Promise<InvitationPreview> {
    return previewInvitation(this.ports, token, this.clock.now());
  }
}

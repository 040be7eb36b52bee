import { Inject, Injectable } from '@nestjs/common';
import { linkRefusal, signLink } from '@invitations/auth';
import type { Clock } from '@invitations/kernel';
import type { ServiceConfig } from '@invitations/runtime';
import { CLOCK, SERVICE_CONFIG } from '../infrastructure/tokens';

/** The injection token of the secret that signs links opened without a token. */
export const LINK_SIGNING_SECRET = Symbol('LINK_SIGNING_SECRET');

const PURPOSE = 'duplicates-report';

/**
 * The duplicates report's links, which a browser can open without the bearer token: absolute (PUBLIC_BASE_URL),
 * bound to the upload and its organisation by an HMAC under LINK_SIGNING_SECRET, and working for
 * REPORT_LINK_TTL_MINUTES, never past the preview's expiry.
 */
@Injectable()
export class ReportLinks {
  constructor(
    @Inject(LINK_SIGNING_SECRET) private readonly secret: string,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  duplicatesReportUrl(upload: { id: string; organisationId: string; expiresAt: string }): string {
    const now = this.clock.now().getTime();
    const until = Math.min(Date.parse(upload.expiresAt), now + this.config.reportLinkTtlMinutes * 60_000);
    const { expires, signature } = signLink(this.secret, this.purpose(upload), Math.floor(until / 1000));
    const query = new URLSearchParams({ expires: String(expires), signature });
    return `${this.config.publicBaseUrl}/api/uploads/${encodeURIComponent(upload.id)}/duplicates.csv?${query}`;
  }

  /** Why the link is refused, or null when it was signed for this upload and organisation and works still. */
  refusal(
    upload: { id: string; organisationId: string },
    query: { expires?: string; signature?: string },
  ): 'invalid' | 'expired' | null {
    return linkRefusal(this.secret, this.purpose(upload), query, this.clock.now());
  }

  private purpose(upload: { id: string; organisationId: string }): string[] {
    return [PURPOSE, upload.id, upload.organisationId];
  }
}

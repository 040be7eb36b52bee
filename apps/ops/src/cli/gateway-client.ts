import type { ErasureSummary } from '@invitations/application';
import type { LogOpenReport } from '@invitations/event-store';
import type { RebuildProgress } from '@invitations/runtime';
import { ndjson } from './ndjson';

/** A rebuild's progress as the gateway sends it: positions as decimal strings. */
export type RebuildProgressLine = Omit<RebuildProgress, 'position' | 'head'> & {
  position: string;
  head: string;
};

export interface RebuildSummary {
  projections: string[];
  events: number;
  position: string;
  previous: Record<string, string>;
}

export interface StatusReport {
  /** `open`: what the embedded log's last open found and repaired (absent on EventStoreDB). */
  log: { head: string; open?: LogOpenReport };
  projections: { name: string; position: string; lag: string }[];
}

/** The gateway's operator endpoint (`/ops`, role `ops`), over HTTP. */
export class GatewayClient {
  constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  async status(): Promise<StatusReport> {
    const response = await this.request('GET', '/ops/status');
    return (await response.json()) as StatusReport;
  }

  /** Rebuilds the named projections (all when none), reporting the NDJSON progress lines as they come. */
  async rebuild(
    projections: string[] | undefined,
    onProgress: (progress: RebuildProgressLine) => void,
  ): Promise<RebuildSummary> {
    const response = await this.request('POST', '/ops/rebuild', projections ? { projections } : {});
    if (!response.body) throw new Error(`the gateway at ${this.url} answered the rebuild with no body`);
    for await (const line of ndjson(response.body)) {
      const message = line as { progress?: RebuildProgressLine; result?: RebuildSummary; error?: string };
      if (message.progress) onProgress(message.progress);
      if (message.error !== undefined) throw new Error(`the rebuild failed in the gateway: ${message.error}`);
      if (message.result) return message.result;
    }
    throw new Error(`the gateway at ${this.url} ended the rebuild's answer without a result (did it stop?)`);
  }

  /** Erases a person by email (POST /ops/erasure): their passport and every invitee with that email. */
  async erase(email: string): Promise<ErasureSummary> {
    const response = await this.request('POST', '/ops/erasure', { email });
    return (await response.json()) as ErasureSummary;
  }

  private async request(method: string, path: string, body?: unknown): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${this.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new Error(
        `cannot reach the gateway at ${this.url} (${cause?.code ?? cause?.message ?? (error as Error).message}): ` +
          'is it running? Pass its address with --url',
      );
    }
    if (!response.ok) throw await this.refusal(response);
    return response;
  }

  private async refusal(response: Response): Promise<Error> {
    const { message } = (await response.json().catch(() => ({}))) as { message?: string };
    const said = message ? `: ${message}` : '';
    if (response.status === 401) {
      return new Error(
        `the gateway at ${this.url} refused the token (401${said}); use the gateway's JWT_SECRET or DATA_DIR, or --token`,
      );
    }
    if (response.status === 403)
      return new Error(`the gateway at ${this.url} requires the ops role (403${said})`);
    return new Error(`the gateway at ${this.url} answered ${response.status}${said}`);
  }
}

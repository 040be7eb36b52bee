import type { RecordedEvent } from '@invitations/event-store';

/** One event as the audit sees it: where it is in the log, what happened, when, who did it and why. */
export interface AuditRecord {
  position: string;
  stream: string;
  type: string;
  at: string;
  actor: string | null;
  correlationId: string;
  data: unknown;
}

/** Fields never shown, whoever asks: a token's hash is a secret's fingerprint (as in the API's history). */
const REDACTED_FIELDS = new Set(['tokenHash']);

export function auditRecord(event: RecordedEvent): AuditRecord {
  return {
    position: event.position.toString(),
    stream: event.streamId,
    type: event.type,
    at: event.metadata.timestamp,
    actor: event.metadata.actor,
    correlationId: event.metadata.correlationId,
    data: redact(event.data),
  };
}

function redact(data: unknown): unknown {
  return JSON.parse(
    JSON.stringify(data ?? null, (key, value: unknown) => (REDACTED_FIELDS.has(key) ? '[redacted]' : value)),
  );
}

/** Whether the event was recorded at or before `asOf` (all events when there is none), as the API's history decides. */
export function recordedBy(event: RecordedEvent, asOf: Date | null): boolean {
  return asOf === null || Date.parse(event.metadata.timestamp) <= asOf.getTime();
}

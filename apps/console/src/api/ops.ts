import { authorizationHeader } from './access-token';
import { asProblem, problemFromResponse } from './api-problem';

/** GET /ops/status (ops role): the log's head, and each projection's checkpoint and lag behind it. */
export interface OpsStatus {
  log: { head: string };
  projections: { name: string; position: string; lag: string }[];
  runner: {
    running?: boolean;
    caughtUp?: boolean;
    restarts?: number;
    lastError?: string | null;
    pendingEvents?: number;
  };
}

export interface RebuildProgress {
  phase: 'replaying' | 'catching-up' | 'done';
  events: number;
  position: string;
  head: string;
}

export interface RebuildResult {
  projections: string[];
  events: number;
  position: string;
  previous: Record<string, string>;
}

export async function opsStatus(): Promise<OpsStatus> {
  const response = await fetch('/ops/status', {
    headers: { ...authorizationHeader(), accept: 'application/json' },
  }).catch((error: unknown) => {
    throw asProblem(error);
  });
  if (!response.ok) throw await problemFromResponse(response);
  return (await response.json()) as OpsStatus;
}

/** POST /ops/rebuild: rebuilds every read model from the log; its progress streams in as NDJSON lines. */
export async function rebuildReadModels(
  onProgress: (progress: RebuildProgress) => void,
): Promise<RebuildResult> {
  const response = await fetch('/ops/rebuild', {
    method: 'POST',
    headers: { ...authorizationHeader(), 'content-type': 'application/json' },
    body: '{}',
  }).catch((error: unknown) => {
    throw asProblem(error);
  });
  if (!response.ok || !response.body) throw await problemFromResponse(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffered += value;
    const lines = buffered.split('\n');
    buffered = done ? '' : (lines.pop() ?? '');
    for (const line of lines.filter((l) => l.trim())) {
      const message = JSON.parse(line) as {
        progress?: RebuildProgress;
        result?: RebuildResult;
        error?: string;
      };
      if (message.progress) onProgress(message.progress);
      if (message.result) return message.result;
      if (message.error) throw asProblem(new Error(message.error));
    }
    if (done) throw asProblem(new Error('The rebuild ended without a result.'));
  }
}

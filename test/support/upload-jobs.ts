import type { ConfirmationView } from '@invitations/application';
import type { Gateway } from './gateway-harness';

/** An upload's confirmation job, as upload(id) { confirmation } shows it (JOB_FIELDS: the contract's fields but one). */
export type Job = Omit<ConfirmationView, 'sendInvitations'>;

export const JOB_FIELDS = 'state total staged invited autoAccepted skippedDuplicates startedAt finishedAt';
export const UPLOAD_JOB = `query($id: ID!) { upload(id: $id) { id state confirmation { ${JOB_FIELDS} } } }`;

/** The upload's confirmation job now (null before confirmUpload started it). */
export async function confirmationOf(gw: Gateway, token: string, uploadId: string): Promise<Job | null> {
  const { upload } = await gw.ok<{ upload: { confirmation: Job | null } | null }>(
    UPLOAD_JOB,
    { id: uploadId },
    token,
  );
  if (!upload) throw new Error(`upload ${uploadId} is not found`);
  return upload.confirmation;
}

/**
 * Follows the job until it is no longer running, calling `seen` with each state it shows on the way (its
 * progress); fails past the timeout.
 */
export async function waitForConfirmation(
  gw: Gateway,
  token: string,
  uploadId: string,
  options: { timeoutMs?: number; seen?: (job: Job) => void } = {},
): Promise<Job> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    const job = await confirmationOf(gw, token, uploadId);
    if (job) options.seen?.(job);
    if (job && job.state !== 'RUNNING') return job;
    if (Date.now() > deadline)
      throw new Error(`the confirmation of ${uploadId} still runs: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

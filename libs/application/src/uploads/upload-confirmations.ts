import type { ConfirmationCounts, ConfirmationJob } from '@invitations/domain';
import { deriveId, type Clock, type Logger } from '@invitations/kernel';
import { ALWAYS_HELD, assertHeld, type Fence } from '@invitations/runtime';
import type { SendInvitationsDeps } from '../invitations/send-invitations';
import { stageUploadRows } from './stage-upload-rows';
import { decideOnUpload, loadUpload, readUploadChunk, type LoadedUpload } from './upload-stream';

/** What running a confirmation needs: the store, the read models' answers for inviting, the settings. */
export type UploadConfirmationDeps = SendInvitationsDeps;

export interface UploadConfirmationsOptions {
  clock: Clock;
  logger: Pick<Logger, 'warn' | 'error'>;
  /** Failures in a row (with no checkpoint between them) after which a job is recorded as failed (default 5). */
  maxAttempts?: number;
}

/** How one run of a job may be told to stop: a lease lost, or the process stopping. */
export interface JobControl {
  fence?: Fence;
  /** True once the run should stop at its next checkpoint (the job carries on when run again). */
  stopping?: () => boolean;
}

/** The job when the run ended: done, cancelled or failed; or still running when the run was told to stop. */
export type JobRunOutcome = ConfirmationJob | null;

/**
 * Runs the confirmation jobs of uploads (started by confirmUpload, recorded in the upload's stream), one run per
 * job at a time in this process: asking to run a job that runs here already answers that run. A run goes through
 * the rows chunk by chunk from the job's last checkpoint, stages them (stageUploadRows) and records a checkpoint
 * after each chunk, then records the job done. Stopped (a lease lost, the process stopping) it leaves the job
 * running, to be carried on from its last checkpoint by whoever runs it next; cancelled meanwhile, it records what
 * it staged of the chunk it was on, and stops. A run that fails is retried by its caller; after `maxAttempts`
 * failures in a row the job is recorded as failed.
 *
 * Which process runs jobs: the one that runs the background work (the gateway on the embedded stores, else the
 * projector holding the lease), from the log (see BackgroundWork); and a gateway confirming a small file runs its
 * job inside the request. Two runs of one job at once (in two processes) stage each row once all the same.
 */
export class UploadConfirmations {
  private readonly running = new Map<string, Promise<JobRunOutcome>>();
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly deps: UploadConfirmationDeps,
    private readonly options: UploadConfirmationsOptions,
  ) {}

  /** Runs the upload's job until it ends or is told to stop; joins a run of it under way in this process. */
  run(uploadId: string, control: JobControl = {}): Promise<JobRunOutcome> {
    const underWay = this.running.get(uploadId);
    if (underWay) return underWay;
    const run = this.attempt(uploadId, control).finally(() => this.running.delete(uploadId));
    this.running.set(uploadId, run);
    return run;
  }

  /** The uploads whose job runs in this process now. */
  get runningJobs(): string[] {
    return [...this.running.keys()];
  }

  private async attempt(uploadId: string, control: JobControl): Promise<JobRunOutcome> {
    try {
      const outcome = await runJob(this.deps, uploadId, control, this.options.clock);
      this.failures.delete(uploadId);
      return outcome;
    } catch (error) {
      const failures = (this.failures.get(uploadId) ?? 0) + 1;
      this.failures.set(uploadId, failures);
      const reason = describe(error);
      if (failures < (this.options.maxAttempts ?? 5)) {
        this.options.logger.warn(`Confirmation of upload ${uploadId} failed (${reason}); it will be retried`);
        throw error;
      }
      this.failures.delete(uploadId);
      this.options.logger.error(`Confirmation of upload ${uploadId} failed ${failures} times: ${reason}`);
      const failed = await decideOnUpload(
        this.deps.store,
        uploadId,
        {
          type: 'FailUploadConfirmation',
          reason: FAILURE_REASON,
          now: this.options.clock.now().toISOString(),
        },
        await jobContext(
          this.deps,
          uploadId,
          deriveId(uploadId, 'failed', String(Date.now())),
          this.options.clock,
        ),
      );
      return failed.state.status === 'absent' ? null : failed.state.job;
    }
  }
}

/** What a failed job says: the details (which may name the cause) go to the service's log, not the event. */
const FAILURE_REASON =
  'The confirmation stopped on an error (see the service log); confirm again to carry on.';

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function runJob(
  deps: UploadConfirmationDeps,
  uploadId: string,
  control: JobControl,
  clock: Clock,
): Promise<JobRunOutcome> {
  const fence = control.fence ?? ALWAYS_HELD;
  let loaded = await loadUpload(deps.store, uploadId);
  if (loaded.state.status !== 'confirming' || loaded.state.job === null) return jobOf(loaded);
  const { preview } = loaded.state;
  const batch = { batchId: preview.batchId, poolId: preview.poolId, organisationId: preview.organisationId };
  const job = loaded.state.job;
  const counts: ConfirmationCounts = {
    staged: job.staged,
    skippedDuplicates: job.skippedDuplicates,
    invited: job.invited,
    autoAccepted: job.autoAccepted,
  };
  for (let chunk = job.chunksDone; chunk < preview.chunks; chunk += 1) {
    if (control.stopping?.()) return jobOf(loaded);
    assertHeld(fence, `confirming upload ${uploadId}`);
    const context = contextOf(loaded, deriveId(uploadId, 'chunk', String(chunk)), clock);
    const staged = await stageUploadRows(deps, {
      uploadId,
      batch,
      rows: await readUploadChunk(deps.store, uploadId, chunk),
      invite: job.sendInvitations ? { message: job.message } : null,
      context,
    });
    counts.staged += staged.staged;
    counts.skippedDuplicates += staged.skippedDuplicates;
    counts.invited += staged.invited;
    counts.autoAccepted += staged.autoAccepted;
    assertHeld(fence, `recording the progress of upload ${uploadId}`);
    loaded = await decideOnUpload(
      deps.store,
      uploadId,
      {
        type: 'RecordConfirmationProgress',
        chunksDone: chunk + 1,
        ...counts,
        now: clock.now().toISOString(),
      },
      { ...context, commandId: deriveId(uploadId, 'progress', String(chunk + 1)) },
      loaded,
    );
    // Cancelled meanwhile (the checkpoint above still counts what this chunk staged), or done by another run.
    if (loaded.state.status !== 'confirming') return jobOf(loaded);
  }
  assertHeld(fence, `completing the confirmation of upload ${uploadId}`);
  const done = await decideOnUpload(
    deps.store,
    uploadId,
    { type: 'CompleteUploadConfirmation', ...counts, now: clock.now().toISOString() },
    contextOf(loaded, deriveId(uploadId, 'confirmed'), clock),
    loaded,
  );
  return jobOf(done);
}

function jobOf(loaded: LoadedUpload): JobRunOutcome {
  return loaded.state.status === 'absent' ? null : loaded.state.job;
}

/** The job writes as the admin who confirmed, under the confirmation's correlation id. */
function contextOf(loaded: LoadedUpload, commandId: string, clock: Clock) {
  if (loaded.state.status === 'absent') throw new Error('the upload is not recorded');
  const metadata = loaded.started?.metadata;
  return {
    organisationId: loaded.state.preview.organisationId,
    actor: metadata?.actor ?? null,
    correlationId: metadata?.correlationId ?? commandId,
    commandId,
    now: clock.now(),
  };
}

async function jobContext(deps: UploadConfirmationDeps, uploadId: string, commandId: string, clock: Clock) {
  return contextOf(await loadUpload(deps.store, uploadId), commandId, clock);
}

import { uploadDecider, uploadStreamId } from '@invitations/domain';
import { handleCommand, loadStream } from '@invitations/event-store';
import type { CommandContext } from '@invitations/kernel';
import type { ErasureDeps } from './erasure';

/**
 * Shreds an upload preview's rows once nothing can need them (confirmed, cancelled, or expired: the upload's
 * decider says when): the upload's key is destroyed, then the shredding recorded. Only what was staged lives on,
 * in the invitees' own events. True when this call shredded them; false when they may still be needed (nothing is
 * destroyed) or were shredded already.
 */
export async function shredUploadRows(
  deps: ErasureDeps,
  context: CommandContext,
  uploadId: string,
): Promise<boolean> {
  const streamId = uploadStreamId(uploadId);
  const command = { type: 'ShredUploadRows' as const, now: context.now.toISOString() };
  const { state } = await loadStream(deps.store, streamId, uploadDecider);
  if (state.status === 'absent' || state.rowsShredded) return false;
  // Decided first without writing: refused (it can still be confirmed), nothing is destroyed.
  try {
    uploadDecider.decide(command, state);
  } catch {
    return false;
  }
  await deps.keys.destroy([streamId]);
  const { events } = await handleCommand(deps.store, streamId, uploadDecider, () => command, context);
  return events.length > 0;
}

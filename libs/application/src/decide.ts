import type { CommandContext, Decider, Event } from '@invitations/kernel';
import { handleCommand, type EventStore } from '@invitations/event-store';
import type { Written } from './ports';

/**
 * Decides one command on a stream (decided again on a concurrent write, see handleCommand) and answers the log
 * position of what it wrote: what a use case that changes one stream answers.
 */
export async function decideOn<Command, E extends Event, State>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, E, State>,
  command: NoInfer<Command>,
  context: CommandContext,
): Promise<Written> {
  const { position } = await handleCommand(store, streamId, decider, () => command, context);
  return { position };
}

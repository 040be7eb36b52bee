import type { Decider, Event } from '@invitations/kernel';
import {
  WrongExpectedRevisionError,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from './event-store.port';
import type { CommandContext } from '@invitations/kernel';
import { deriveId } from '@invitations/kernel';

export const SCHEMA_VERSION = 1;

export interface LoadedStream<State> {
  state: State;
  /** The stream's last revision, or null when it does not exist. */
  revision: bigint | null;
  events: RecordedEvent[];
}

/** Reads a stream (in pages, by the store) and folds it into the decider's state. */
export async function loadStream<E extends Event, State>(
  store: EventStore,
  streamId: string,
  decider: Pick<Decider<unknown, E, State>, 'evolve' | 'initialState'>,
  until?: (event: RecordedEvent) => boolean,
): Promise<LoadedStream<State>> {
  let state = decider.initialState();
  let revision: bigint | null = null;
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(streamId)) {
    if (until && !until(event)) break;
    state = decider.evolve(state, { type: event.type, data: event.data } as E);
    revision = event.revision;
    events.push(event);
  }
  return { state, revision, events };
}

export interface HandledCommand<E extends Event, State> {
  state: State;
  /** Events this command appended (or, for a retried command, had appended before). */
  events: E[];
  /** The global position that read models must reach to include this command's write (-1n when nothing was written). */
  position: bigint;
}

/**
 * Loads a stream, decides, and appends the decision with the stream's exact expected revision.
 * - A concurrent writer makes the append fail; the command is then decided again on the new state (a few times).
 * - A command already applied (its id is the causation id of events in the stream) is not applied twice: the
 *   events it wrote are returned, so a client retrying a request gets the same answer.
 * - Event ids derive from the command id, so a re-append after a lost acknowledgement is idempotent in the store.
 */
export async function handleCommand<Command, E extends Event, State>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, E, State>,
  makeCommand: (state: State) => Command | Promise<Command>,
  context: CommandContext,
  attempts = 5,
): Promise<HandledCommand<E, State>> {
  for (let attempt = 1; ; attempt++) {
    const loaded = await loadStream(store, streamId, decider);
    const earlier = loaded.events.filter((e) => e.metadata.causationId === context.commandId);
    if (earlier.length > 0) {
      const events = earlier.map((e) => ({ type: e.type, data: e.data }) as E);
      return { state: loaded.state, events, position: earlier[earlier.length - 1].position };
    }
    const decided = decider.decide(await makeCommand(loaded.state), loaded.state);
    if (decided.length === 0) return { state: loaded.state, events: [], position: -1n };
    const toAppend = decided.map((event, index) => toNewEvent(event, context, streamId, index));
    try {
      const result = await store.append(streamId, toAppend, loaded.revision ?? 'no_stream');
      let state = loaded.state;
      for (const event of decided) state = decider.evolve(state, event);
      return { state, events: decided, position: result.position };
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError && attempt < attempts) continue;
      throw error;
    }
  }
}

export function toNewEvent(event: Event, context: CommandContext, streamId: string, index: number): NewEvent {
  return {
    id: deriveId(context.commandId, streamId, String(index)),
    type: event.type,
    data: event.data,
    metadata: {
      organisationId: context.organisationId,
      actor: context.actor,
      // Only when known: events of the system and of invitees carry no name, and their metadata stays as it was.
      ...(context.actorName ? { actorName: context.actorName } : {}),
      correlationId: context.correlationId,
      causationId: context.commandId,
      timestamp: context.now.toISOString(),
      schemaVersion: SCHEMA_VERSION,
    },
  };
}

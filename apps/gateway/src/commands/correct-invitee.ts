import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@invitations/event-store';
import { inviteeDecider } from '@invitations/domain';
import type { PersonDetails } from '@invitations/domain';
import type { PersonInput } from '@invitations/domain';
import { inviteeStreamId } from '@invitations/domain';
import { handleCommand } from '@invitations/event-store';
import { Consistency } from '../application/consistency';
import { PersonIntake } from '../application/person-input';
import { PoolSeats } from '../application/pool-seats';
import { OrganisationScope } from '../application/scope';
import { EVENT_STORE } from '../infrastructure/tokens';
import type { CommandContext, Written } from './command-base';

export class CorrectInviteeCommand extends Command<Written> {
  constructor(
    readonly context: CommandContext & { organisationId: string },
    readonly inviteeId: string,
    /** Only the fields given change; null or an empty string clears an optional field. */
    readonly changes: PersonInput,
  ) {
    super();
  }
}

/**
 * Corrects a staged person's details and checks them against the passports again. A changed email or mobile
 * moves the person's seat in the pool: the new one is reserved first (so a clash with someone else refuses the
 * correction), the old one released after.
 */
@CommandHandler(CorrectInviteeCommand)
export class CorrectInviteeHandler implements ICommandHandler<CorrectInviteeCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly scope: OrganisationScope,
    private readonly intake: PersonIntake,
    private readonly seats: PoolSeats,
    private readonly consistency: Consistency,
  ) {}

  async execute({ context, inviteeId, changes }: CorrectInviteeCommand): Promise<Written> {
    const current = await this.scope.invitee(context.organisationId, inviteeId);
    const merged: PersonInput = { ...current.person };
    for (const [field, value] of Object.entries(changes) as [
      keyof PersonInput,
      string | null | undefined,
    ][]) {
      if (value !== undefined) merged[field] = value;
    }
    const person = this.intake.validate(merged, context.now);
    const classification = await this.intake.classify(person);

    const before = PoolSeats.keysOf(current.person);
    const after = PoolSeats.keysOf(person);
    const added = after.filter((s) => !before.some((b) => b.key === s.key && b.value === s.value));
    const dropped = before.filter((b) => !after.some((s) => s.key === b.key && s.value === b.value));
    await this.seats.reserveAll(current.poolId, inviteeId, added, context);
    let position: bigint;
    try {
      ({ position } = await handleCommand(
        this.store,
        inviteeStreamId(inviteeId),
        inviteeDecider,
        () => ({ type: 'CorrectInvitee' as const, person: person satisfies PersonDetails, classification }),
        context,
      ));
    } catch (error) {
      await this.seats.releaseAll(current.poolId, inviteeId, added, context);
      throw error;
    }
    await this.seats.releaseAll(current.poolId, inviteeId, dropped, context);
    await this.consistency.waitFor(position);
    return { id: inviteeId };
  }
}

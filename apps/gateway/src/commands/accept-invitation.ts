import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@invitations/event-store';
import { inviteeDecider } from '@invitations/domain';
import type { Passport } from '@invitations/domain';
import { passportDecider } from '@invitations/domain';
import { passportKeyDecider } from '@invitations/domain';
import type { ReservationKey } from '@invitations/domain';
import { inviteeStreamId, passportKeyStreamId, passportStreamId } from '@invitations/domain';
import { DomainError } from '@invitations/domain';
import { readInvitationToken } from '@invitations/notifications';
import type { CommandContext } from '@invitations/kernel';
import { handleCommand, loadStream } from '@invitations/event-store';
import { deriveId } from '@invitations/kernel';
import { Consistency } from '../application/consistency';
import { unusableToken } from '../application/invitation-preview';
import type { LiveInvitee } from '../application/scope';
import { EVENT_STORE } from '../infrastructure/tokens';

export interface AcceptedInvitation {
  inviteeId: string;
  poolId: string;
}

export class AcceptInvitationCommand extends Command<AcceptedInvitation> {
  constructor(
    readonly context: Omit<CommandContext, 'organisationId' | 'actor'>,
    readonly token: string,
  ) {
    super();
  }
}

const unusable = unusableToken;

/**
 * The invitee accepts with the token from their email or text message. The token is checked first (nothing is
 * written for an unusable one); then a NEW person's passport is created from the staged details, while an
 * EXISTING person joins with their passport as it is; either way they become a member of the pool.
 * Accepting twice is harmless. Every unusable token gets the same message, which reveals nothing.
 */
@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<AcceptInvitationCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly consistency: Consistency,
  ) {}

  async execute({ context: base, token }: AcceptInvitationCommand): Promise<AcceptedInvitation> {
    const presented = readInvitationToken(token);
    if (!presented) throw unusable();
    const { state } = await loadStream(this.store, inviteeStreamId(presented.inviteeId), inviteeDecider);
    if (state.status === 'absent' || state.status === 'REMOVED') throw unusable();
    const context: CommandContext = { ...base, organisationId: state.organisationId, actor: null };
    const acceptance = {
      type: 'AcceptInvitation' as const,
      tokenHash: presented.tokenHash,
      now: context.now.toISOString(),
      passportId: state.passportId ?? 'to-be-created',
    };
    // Refuses an unusable token before anything is written; an empty decision means it was accepted already.
    if (inviteeDecider.decide(acceptance, state).length === 0) {
      return { inviteeId: state.inviteeId, poolId: state.poolId };
    }

    const passportId = state.passportId ?? (await this.passportFor(state, context));
    const { position } = await handleCommand(
      this.store,
      inviteeStreamId(state.inviteeId),
      inviteeDecider,
      () => ({ ...acceptance, passportId }),
      context,
    );
    await this.consistency.waitFor(position);
    return { inviteeId: state.inviteeId, poolId: state.poolId };
  }

  /**
   * Creates the passport of a NEW person from their staged details, unique by email and by mobile through the
   * passport-key streams. Ids derive from the invitee, so a retried acceptance converges on the same passport.
   * If a passport was created for the email meanwhile (the person accepted elsewhere at the same moment), they
   * join with that one, unchanged. A mobile already on another passport is left off the new one.
   */
  private async passportFor(invitee: LiveInvitee, context: CommandContext): Promise<string> {
    const passportId = deriveId('passport-of-invitee', invitee.inviteeId);
    const holder = await this.claim('email', invitee.person.email, passportId, context);
    if (holder !== passportId) return holder;
    const mobile =
      invitee.person.mobile &&
      (await this.claim('mobile', invitee.person.mobile, passportId, context)) === passportId
        ? invitee.person.mobile
        : null;
    const { person } = invitee;
    if (!person.firstName || !person.lastName)
      throw new DomainError('CONFLICT', 'The staged details lack a name.');
    const passport: Passport = {
      passportId,
      email: person.email,
      dateOfBirth: person.dateOfBirth,
      firstName: person.firstName,
      middleNames: person.middleNames,
      lastName: person.lastName,
      preferredName: person.preferredName,
      mobile,
    };
    await handleCommand(
      this.store,
      passportStreamId(passportId),
      passportDecider,
      () => ({ type: 'CreatePassport' as const, passport }),
      { ...context, organisationId: null, commandId: deriveId(passportId, 'create') },
    );
    return passportId;
  }

  /** Claims a passport key for the passport; answers whichever passport holds it afterwards. */
  private async claim(
    key: ReservationKey,
    value: string,
    passportId: string,
    context: CommandContext,
  ): Promise<string> {
    const streamId = passportKeyStreamId(key, value);
    try {
      await handleCommand(
        this.store,
        streamId,
        passportKeyDecider,
        () => ({ type: 'ClaimPassportKey' as const, passportId, key }),
        { ...context, organisationId: null, commandId: deriveId(passportId, 'claim', key) },
      );
      return passportId;
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'CONFLICT') throw error;
      const { state } = await loadStream(this.store, streamId, passportKeyDecider);
      return state.passportId ?? passportId;
    }
  }
}

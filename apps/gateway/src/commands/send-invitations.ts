import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@invitations/event-store';
import { inviteeDecider } from '@invitations/domain';
import { inviteeStreamId } from '@invitations/domain';
import { DomainError } from '@invitations/domain';
import type { ReadModelStores, ServiceConfig } from '@invitations/runtime';
import { handleCommand } from '@invitations/event-store';
import { deriveId } from '@invitations/kernel';
import { Consistency } from '../application/consistency';
import { PassportDirectory } from '../application/passport-directory';
import { OrganisationScope, type LiveInvitee } from '../application/scope';
import { EVENT_STORE, READ_MODELS, SERVICE_CONFIG } from '../infrastructure/tokens';
import type { CommandContext } from './command-base';

export interface SendInvitationsOutcome {
  invited: string[];
  autoAccepted: string[];
  skipped: { inviteeId: string; reason: string }[];
}

export class SendInvitationsCommand extends Command<SendInvitationsOutcome> {
  constructor(
    readonly context: CommandContext & { organisationId: string },
    readonly batchId: string,
    /** The people to invite; with `all`, everyone invitable in the batch. */
    readonly inviteeIds: readonly string[] | null,
    readonly all: boolean,
    readonly message: string | null,
  ) {
    super();
  }
}

const MAX_MESSAGE_LENGTH = 2000;
/** How many invitees are written at once: enough to share the event store's group commits. */
const PARALLELISM = 32;

/**
 * Invites staged people: each gets an InvitationSent (the notification process manager then issues the token and
 * sends the email and text message), or is accepted at once when they are already a member of another pool of
 * the organisation. INVALID people, and anyone not in the Uploaded tab, are skipped with the reason.
 */
@CommandHandler(SendInvitationsCommand)
export class SendInvitationsHandler implements ICommandHandler<SendInvitationsCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModelStores,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly scope: OrganisationScope,
    private readonly passports: PassportDirectory,
    private readonly consistency: Consistency,
  ) {}

  async execute(command: SendInvitationsCommand): Promise<SendInvitationsOutcome> {
    const { context, batchId, message } = command;
    await this.scope.batch(context.organisationId, batchId);
    if (message !== null && message.length > MAX_MESSAGE_LENGTH) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `The message must be at most ${MAX_MESSAGE_LENGTH} characters long.`,
        [{ field: 'message', message: `must be at most ${MAX_MESSAGE_LENGTH} characters` }],
      );
    }
    const ids = await this.targets(command);
    const outcome: SendInvitationsOutcome = { invited: [], autoAccepted: [], skipped: [] };
    let position = -1n;
    for (let i = 0; i < ids.length; i += PARALLELISM) {
      const results = await Promise.all(ids.slice(i, i + PARALLELISM).map((id) => this.sendOne(command, id)));
      for (const result of results) {
        if (result.kind === 'skipped')
          outcome.skipped.push({ inviteeId: result.inviteeId, reason: result.reason });
        else outcome[result.kind].push(result.inviteeId);
        if (result.kind !== 'skipped' && result.position > position) position = result.position;
      }
    }
    await this.consistency.waitFor(position);
    return outcome;
  }

  private async targets({ context, batchId, inviteeIds, all }: SendInvitationsCommand): Promise<string[]> {
    if (all) {
      const uploaded = await this.readModels.readModels.invitees.idsInState(
        context.organisationId,
        batchId,
        'UPLOADED',
      );
      const listed = new Set([...(inviteeIds ?? []), ...uploaded]);
      return [...listed];
    }
    if (!inviteeIds || inviteeIds.length === 0) {
      throw new DomainError('BAD_USER_INPUT', 'Name the people to invite (inviteeIds) or set all to true.', [
        { field: 'inviteeIds', message: 'give at least one invitee, or set all to true' },
      ]);
    }
    return [...new Set(inviteeIds)];
  }

  private async sendOne(command: SendInvitationsCommand, inviteeId: string) {
    const { context, batchId, message } = command;
    try {
      const invitee = await this.scope.invitee(context.organisationId, inviteeId);
      if (invitee.batchId !== batchId)
        throw new DomainError('NOT_FOUND', 'No invitee with this id in this batch.');
      const memberElsewhere = await this.memberElsewhere(invitee);
      const expiresAt = new Date(context.now.getTime() + this.config.invitationTtlDays * 86_400_000);
      const { events, position } = await handleCommand(
        this.store,
        inviteeStreamId(inviteeId),
        inviteeDecider,
        () => ({
          type: 'SendInvitation' as const,
          invitationId: deriveId(context.commandId, inviteeId, 'invitation'),
          message,
          now: context.now.toISOString(),
          expiresAt: expiresAt.toISOString(),
          memberElsewhereWithPassportId: memberElsewhere,
        }),
        { ...context, commandId: deriveId(context.commandId, inviteeId) },
      );
      const kind = events.some((e) => e.type === 'InvitationAccepted')
        ? ('autoAccepted' as const)
        : ('invited' as const);
      return { kind, inviteeId, position };
    } catch (error) {
      if (error instanceof DomainError) return { kind: 'skipped' as const, inviteeId, reason: error.message };
      throw error;
    }
  }

  /** The passport of a person who is already a member of another pool of this organisation, else null. */
  private async memberElsewhere(invitee: LiveInvitee): Promise<string | null> {
    const passportId =
      invitee.passportId ?? (await this.passports.byEmail(invitee.person.email))?.passportId ?? null;
    if (passportId === null) return null;
    const member = await this.passports.memberOfAnotherPool(
      invitee.organisationId,
      passportId,
      invitee.poolId,
    );
    return member ? passportId : null;
  }
}

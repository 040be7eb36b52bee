import type { RecordedEvent } from '@invitations/event-store';
import type { InvitationAccepted } from '@invitations/domain';
import { insertOnce, type Projection, type ProjectionWrite, type Recorded } from './projection';
import type { MemberDoc } from './read-model.docs';

/** A member's id: one membership per passport per pool. */
export const memberId = (poolId: string, passportId: string): string => `${poolId}:${passportId}`;

function project(recorded: RecordedEvent): ProjectionWrite[] {
  if (recorded.type !== 'InvitationAccepted') return [];
  const event = recorded as Recorded<InvitationAccepted>;
  const { poolId, passportId, inviteeId, acceptedAt } = event.data;
  // The event is the invitee's, whose stream records the organisation in its metadata.
  const organisationId = event.metadata.organisationId ?? '';
  const doc: Omit<MemberDoc, '_id' | '_pos'> = {
    organisationId,
    poolId,
    passportId,
    inviteeId,
    joinedAt: acceptedAt,
  };
  // The first acceptance into the pool makes the member; a later one (if ever) finds it there.
  return [insertOnce('members', memberId(poolId, passportId), event.position, doc)];
}

/** `members`: who has joined which pool, for pool member counts and "already a member elsewhere". */
export const membersProjection: Projection = {
  name: 'members',
  indexes: [
    { keys: { organisationId: 1, passportId: 1 }, name: 'organisation_passport' },
    { keys: { poolId: 1 }, name: 'pool' },
  ],
  project,
};

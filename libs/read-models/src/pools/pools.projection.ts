import type { RecordedEvent } from '@invitations/event-store';
import type { InvitationAccepted, ResourcePoolCreated } from '@invitations/domain';
import { createdAt, positionKey, type Projection, type Recorded } from '../projection/projection';
import type { MemberDoc, PoolDoc } from './pool.document';

/** `pools`: the resource pools of each organisation. A pool is created once. */
export const poolsProjection: Projection<PoolDoc> = {
  name: 'pools',
  handles: new Set<ResourcePoolCreated['type']>(['ResourcePoolCreated']),
  documentIds: (event) => [(event.data as ResourcePoolCreated['data']).poolId],
  evolve(doc: PoolDoc | null, recorded: RecordedEvent): PoolDoc | null {
    if (doc !== null) return doc;
    const event = recorded as Recorded<ResourcePoolCreated>;
    const { poolId, organisationId, name } = event.data;
    return {
      _id: poolId,
      organisationId,
      name,
      createdAt: createdAt(event),
      _pos: positionKey(event.position),
    };
  },
};

/** A member's id: one membership per passport per pool. */
export const memberId = (poolId: string, passportId: string): string => [poolId, passportId].join(':');

/** `members`: who has joined which pool, for pool member counts and "already a member elsewhere". */
export const membersProjection: Projection<MemberDoc> = {
  name: 'members',
  handles: new Set<InvitationAccepted['type']>(['InvitationAccepted']),
  documentIds: (event) => {
    const { poolId, passportId } = event.data as InvitationAccepted['data'];
    return [memberId(poolId, passportId)];
  },
  evolve(doc: MemberDoc | null, recorded: RecordedEvent): MemberDoc | null {
    // The first acceptance into the pool makes the member; a later one (if ever) finds it there.
    if (doc !== null) return doc;
    const event = recorded as Recorded<InvitationAccepted>;
    const { poolId, passportId, inviteeId, acceptedAt } = event.data;
    return {
      _id: memberId(poolId, passportId),
      // The event is the invitee's, whose stream records the organisation in its metadata.
      organisationId: event.metadata.organisationId ?? '',
      poolId,
      passportId,
      inviteeId,
      joinedAt: acceptedAt,
      _pos: positionKey(event.position),
    };
  },
};

import type { RecordedEvent } from '@invitations/event-store';
import type {
  InvitationAccepted,
  MemberRemoved,
  ResourcePoolCreated,
  ResourcePoolEvent,
} from '@invitations/domain';
import { createdAt, positionKey, type Projection, type Recorded } from '../projection/projection';
import type { MemberDoc, PoolDoc } from './pool.document';

/** `pools`: the resource pools of each organisation. A pool is created once, and may be renamed. */
export const poolsProjection: Projection<PoolDoc> = {
  name: 'pools',
  handles: new Set<ResourcePoolEvent['type']>(['ResourcePoolCreated', 'ResourcePoolRenamed']),
  documentIds: (event) => [(event.data as ResourcePoolCreated['data']).poolId],
  evolve(doc: PoolDoc | null, recorded: RecordedEvent): PoolDoc | null {
    const event = recorded as Recorded<ResourcePoolEvent>;
    if (event.type === 'ResourcePoolRenamed') {
      return doc === null ? null : { ...doc, name: event.data.name, _pos: positionKey(event.position) };
    }
    if (doc !== null) return doc;
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
  handles: new Set<(InvitationAccepted | MemberRemoved)['type']>(['InvitationAccepted', 'MemberRemoved']),
  documentIds: (event) => {
    const { poolId, passportId } = event.data as InvitationAccepted['data'];
    return [memberId(poolId, passportId)];
  },
  evolve(doc: MemberDoc | null, recorded: RecordedEvent): MemberDoc | null {
    const event = recorded as Recorded<InvitationAccepted | MemberRemoved>;
    // A removed member is gone; the membership its removal names is the one its invitee's acceptance made.
    if (event.type === 'MemberRemoved') return doc?.inviteeId === event.data.inviteeId ? null : doc;
    // The first acceptance into the pool makes the member; a later one (if ever) finds it there.
    if (doc !== null) return doc;
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

/** A pool seat: the one invitee (by email or by mobile) that may be staged, invited or accepted in a pool. */
export interface PoolSeatState {
  /** The invitee that holds the seat; null when never reserved or released. */
  holderInviteeId: string | null;
}

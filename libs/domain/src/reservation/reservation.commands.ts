export interface ReservePoolSeat {
  type: 'ReservePoolSeat';
  poolId: string;
  inviteeId: string;
  key: 'email' | 'mobile';
  /**
   * Whether the current holder (if any) is still live: false when its invitee stream was never written
   * (an orphan left by a crash between the reservation and the staging) or the invitee was removed.
   * Looked up by the handler from the holder's invitee stream.
   */
  holderIsLive: boolean;
}

export interface ReleasePoolSeat {
  type: 'ReleasePoolSeat';
  poolId: string;
  inviteeId: string;
  key: 'email' | 'mobile';
}

export type PoolSeatCommand = ReservePoolSeat | ReleasePoolSeat;

/** Claims an email or a mobile for a passport: a passport is unique per normalised email and per normalised mobile. */
export interface ClaimPassportKey {
  type: 'ClaimPassportKey';
  passportId: string;
  key: 'email' | 'mobile';
}

/** Frees an email or mobile of an erased passport, for a new passport to claim. */
export interface ReleasePassportKey {
  type: 'ReleasePassportKey';
  passportId: string;
  key: 'email' | 'mobile';
}

export type PassportKeyCommand = ClaimPassportKey | ReleasePassportKey;

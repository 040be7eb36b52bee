/** A passport key: the one passport an email (or a mobile) belongs to. */
export interface PassportKeyState {
  /** Null until claimed; a claim is for good (nothing an admin does changes a passport). */
  passportId: string | null;
}

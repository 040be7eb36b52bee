/**
 * The emails and mobiles the invitees of one pool hold, each with how many invitees hold it (the event store keeps
 * that to one, but the read model only mirrors it, so a second holder must not free the seat when the first goes).
 */
export class PoolSeats {
  private readonly emails = new Map<string, number>();
  private readonly mobiles = new Map<string, number>();

  get isEmpty(): boolean {
    return this.emails.size === 0;
  }

  add(email: string, mobile: string | null): void {
    this.emails.set(email, (this.emails.get(email) ?? 0) + 1);
    if (mobile !== null) this.mobiles.set(mobile, (this.mobiles.get(mobile) ?? 0) + 1);
  }

  remove(email: string, mobile: string | null): void {
    release(this.emails, email);
    if (mobile !== null) release(this.mobiles, mobile);
  }

  takenEmails(emails: readonly string[]): Set<string> {
    return held(this.emails, emails);
  }

  takenMobiles(mobiles: readonly string[]): Set<string> {
    return held(this.mobiles, mobiles);
  }
}

function release(holders: Map<string, number>, key: string): void {
  const count = holders.get(key);
  if (count === undefined) return;
  if (count <= 1) holders.delete(key);
  else holders.set(key, count - 1);
}

function held(holders: Map<string, number>, keys: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const key of keys) if (holders.has(key)) found.add(key);
  return found;
}

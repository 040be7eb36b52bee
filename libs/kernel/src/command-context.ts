/** Who is acting, for which organisation, and under which command: recorded in every event's metadata. */
export interface CommandContext {
  /** The organisation (tenant); null for changes of no organisation. */
  organisationId: string | null;
  /** The admin's `sub`; null for the system or the invitee. */
  actor: string | null;
  /** The admin's display name (the token's `name` claim) when it has one: recorded beside the actor for the audit. */
  actorName?: string | null;
  /** The id of the request that started it all. */
  correlationId: string;
  /** This command's id: the causation id of the events it produces, and the seed of their ids. */
  commandId: string;
  /** When the command is handled. */
  now: Date;
}

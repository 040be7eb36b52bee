/** The invitations domain: events, commands, states and deciders. Pure: no Nest, no I/O, no clock, no randomness. */

// Shared
export * from './shared/decider';
export * from './shared/domain-error';
export * from './shared/entity-name';

// People and their passports
export * from './person/person-details';
export * from './person/profile-fields';
export * from './person/classification';
export * from './person/classify-person';
export * from './person/names-required';
export * from './person/name-comparison';
export * from './person/validate-person';
export * from './passport/passport';
export * from './passport/passport.commands';
export * from './passport/passport.events';
export * from './passport/passport.state';
export * from './passport/passport.decider';

// Resource pools and batches
export * from './resource-pool/resource-pool.commands';
export * from './resource-pool/resource-pool.events';
export * from './resource-pool/resource-pool.state';
export * from './resource-pool/resource-pool.decider';
export * from './batch/batch.commands';
export * from './batch/batch.events';
export * from './batch/batch.state';
export * from './batch/batch.decider';

// Reservations: uniqueness under concurrency
export * from './reservation/reservation.commands';
export * from './reservation/reservation.events';
export * from './reservation/pool-seat.state';
export * from './reservation/pool-seat.decider';
export * from './reservation/passport-key.state';
export * from './reservation/passport-key.decider';
export * from './reservation/stream-ids';

// Invitees
export * from './invitee/invitee.commands';
export * from './invitee/invitee.events';
export * from './invitee/invitee.state';
export * from './invitee/invitee.messages';
export * from './invitee/invitee.decider';
export { evolveInvitee, initialInviteeState } from './invitee/invitee.evolve';

export { applyEvents, snapshotReadModels } from './apply-events';
export { appendPools } from './extra-events';
export { appendGeneratedLog, generateInvitationLog, mulberry32 } from './invitation-log-generator';
export type { LogShape } from './invitation-log-generator';
export { NOT_YET_INVITED } from './not-yet-invited';
export { RecordedStory } from './recorded-story';

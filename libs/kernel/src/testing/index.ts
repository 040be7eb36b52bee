export { CapturingLogger } from './capturing-logger';
export { eventually } from './eventually';
export { ManualClock } from './manual-clock';
export { itAnswers } from './answers-table';

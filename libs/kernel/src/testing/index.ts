export { CapturingLogger } from './capturing-logger';
export { eventually } from './eventually';

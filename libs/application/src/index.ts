export { BackgroundWork } from './background/background-work';
export { NOTIFICATIONS_SUBSCRIPTION } from './notifications/notification-subscription';
export type { ClassifiedBatch } from './uploads/classify-upload';
export { InMemoryUploadLookups } from './uploads/in-memory-upload-lookups';
export type { PoolSeatsTaken, UploadLookups } from './uploads/upload-lookups';
export { previewUpload } from './uploads/upload-preview';
export type { UploadPreviewOutcome } from './uploads/upload-preview';

import { insertInCreationOrder, removeFromList } from '../projection/creation-order';
import { InMemoryDocuments, type InMemoryState } from '../projection/in-memory-documents';
import { isDueForShredding, type UploadDoc } from './upload.document';
import type { Uploads } from './uploads.port';

interface UploadsState extends InMemoryState<UploadDoc> {
  /** Each batch's uploads, in creation order (listed the other way round). */
  readonly byBatch: Map<string, UploadDoc[]>;
  /** The uploads whose confirmation runs. */
  readonly confirming: Set<string>;
}

/** The `uploads` read model in memory. */
export class InMemoryUploads extends InMemoryDocuments<UploadDoc, UploadsState> implements Uploads {
  protected emptyState(): UploadsState {
    return { byId: new Map(), byBatch: new Map(), confirming: new Set() };
  }

  async byId(organisationId: string, uploadId: string): Promise<UploadDoc | null> {
    const doc = this.state.byId.get(uploadId);
    return doc !== undefined && doc.organisationId === organisationId ? doc : null;
  }

  async ofBatch(organisationId: string, batchId: string): Promise<UploadDoc[]> {
    const uploads = this.state.byBatch.get(batchId) ?? [];
    return uploads.filter((doc) => doc.organisationId === organisationId).reverse();
  }

  async toShred(now: string): Promise<{ uploadId: string; organisationId: string }[]> {
    const due: { uploadId: string; organisationId: string }[] = [];
    for (const doc of this.state.byId.values())
      if (isDueForShredding(doc, now)) due.push({ uploadId: doc._id, organisationId: doc.organisationId });
    return due;
  }

  async runningConfirmations(): Promise<string[]> {
    return [...this.state.confirming];
  }

  protected added(doc: UploadDoc): void {
    insertInCreationOrder(this.state.byBatch, doc.batchId, doc);
    this.track(doc);
  }

  protected removed(doc: UploadDoc): void {
    removeFromList(this.state.byBatch, doc.batchId, doc);
    this.state.confirming.delete(doc._id);
  }

  private track(doc: UploadDoc): void {
    if (doc.status === 'confirming') this.state.confirming.add(doc._id);
    else this.state.confirming.delete(doc._id);
  }

  /** A chunk recorded or a confirmation keeps the upload's place in its batch's list. */
  protected override replaced(previous: UploadDoc, next: UploadDoc): void {
    const list = this.state.byBatch.get(previous.batchId);
    const index = list?.indexOf(previous) ?? -1;
    if (index >= 0 && previous.batchId === next.batchId && previous.createdAt === next.createdAt) {
      list![index] = next;
      this.track(next);
      return;
    }
    this.removed(previous);
    this.added(next);
  }
}

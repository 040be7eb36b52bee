import type {
  AnyBulkWriteOperation,
  Document,
  FindOptions as DriverFindOptions,
  IndexDescription,
} from 'mongodb';
import type { BulkOperation, Doc, FindOptions, IndexSpec } from '../read-store.port';

/** The port's find options as the driver's, leaving out what was not given (the driver reads 0 as "no limit"). */
export function toDriverFindOptions(options: FindOptions = {}): DriverFindOptions {
  const driverOptions: DriverFindOptions = {};
  if (options.sort) driverOptions.sort = options.sort;
  if (options.skip !== undefined) driverOptions.skip = options.skip;
  if (options.limit !== undefined) driverOptions.limit = options.limit;
  if (options.projection) driverOptions.projection = options.projection;
  return driverOptions;
}

/** One bulk operation, copied field by field so nothing outside the port's shape reaches the server. */
export function toDriverBulkOperation<T extends Doc>(
  operation: BulkOperation<T>,
): AnyBulkWriteOperation<Document> {
  if ('insertOne' in operation) return { insertOne: { document: operation.insertOne.document as Document } };
  if ('updateOne' in operation) {
    const { filter, update, upsert } = operation.updateOne;
    return { updateOne: { filter, update, upsert: upsert ?? false } };
  }
  if ('updateMany' in operation) {
    const { filter, update } = operation.updateMany;
    return { updateMany: { filter, update } };
  }
  if ('replaceOne' in operation) {
    const { filter, replacement, upsert } = operation.replaceOne;
    return { replaceOne: { filter, replacement: replacement as Document, upsert: upsert ?? false } };
  }
  if ('deleteOne' in operation) return { deleteOne: { filter: operation.deleteOne.filter } };
  return { deleteMany: { filter: operation.deleteMany.filter } };
}

export function toIndexDescription(index: IndexSpec): IndexDescription {
  const description: IndexDescription = { key: index.keys };
  if (index.unique !== undefined) description.unique = index.unique;
  if (index.name !== undefined) description.name = index.name;
  return description;
}

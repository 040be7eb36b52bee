import type { Positioned, ProjectionName } from '../projection/projection';
import type { ReadModelSet } from '../read-model-set';
import { writeDocuments } from './write-documents';

type OrganisationDocument = Positioned & { organisationId: string; createdAt: string };

/** A read model whose documents each belong to one organisation: found by id, and listed, within it. */
export interface OrganisationDocuments<Doc extends OrganisationDocument> {
  name: ProjectionName;
  /** A document of org-1 (in the list `list` answers), new for each call. */
  aDocument(id: string, fields?: Partial<Doc>): Doc;
  byId(readModels: ReadModelSet, organisationId: string, id: string): Promise<Doc | null>;
  list(readModels: ReadModelSet, organisationId: string): Promise<Doc[]>;
}

/**
 * The promises of every such read model: a document is found by its id in its organisation and nowhere else, and
 * listed, oldest first and then by id, in its organisation only.
 */
export function itKeepsToItsOrganisation<Doc extends OrganisationDocument>(
  what: string,
  readModels: () => ReadModelSet,
  { name, aDocument, byId, list }: OrganisationDocuments<Doc>,
): void {
  const write = (...docs: Doc[]) => writeDocuments(readModels(), name, docs);
  const idsListed = async (organisationId: string) =>
    (await list(readModels(), organisationId)).map((doc) => doc._id);

  it(`finds a ${what} in its organisation only`, async () => {
    const doc = aDocument('d1');
    await write(doc);

    expect(await byId(readModels(), 'org-1', 'd1')).toEqual(doc);
    expect(await byId(readModels(), 'org-2', 'd1')).toBeNull();
    expect(await byId(readModels(), 'org-1', 'd2')).toBeNull();
  });

  it(`lists the ${what}s oldest first, then by id, in their organisation only`, async () => {
    await write(
      aDocument('c', { createdAt: '2025-03-02T09:00:00.000Z' } as Partial<Doc>),
      aDocument('b', { createdAt: '2025-03-01T09:00:00.000Z' } as Partial<Doc>),
      aDocument('a', { createdAt: '2025-03-02T09:00:00.000Z' } as Partial<Doc>),
      aDocument('other-org', { organisationId: 'org-2' } as Partial<Doc>),
    );

    expect(await idsListed('org-1')).toEqual(['b', 'a', 'c']);
    expect(await idsListed('org-3')).toEqual([]);
  });
}

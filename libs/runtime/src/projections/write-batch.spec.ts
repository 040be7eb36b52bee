import type { ReadStore } from '@invitations/read-store';
import { ensureReadModelIndexes, liveCollections } from './indexes';
import { passportsProjection } from '@invitations/read-models';
import { RecordedStory } from '@invitations/read-models/testing';
import { openReadStore } from '../testing/open-read-store';
import { WriteBatch } from './write-batch';

function passportCreated(story: RecordedStory, passportId: string, email: string) {
  const data = {
    passportId,
    email,
    dateOfBirth: '1990-01-01',
    firstName: 'Ada',
    middleNames: null,
    lastName: 'Lovelace',
    preferredName: null,
    mobile: null,
  };
  return story.record(`passport-${passportId}`, null, 'PassportCreated', data);
}

describe('WriteBatch', () => {
  let readStore: ReadStore;

  beforeEach(async () => {
    readStore = openReadStore();
    await ensureReadModelIndexes(readStore);
  });
  afterEach(() => readStore.close());

  it('applies the writes that follow one the store refuses as a duplicate key', async () => {
    // Cannot happen with a sound log (the event store keeps emails unique): it stands for a write
    // the store refuses because it was, in substance, applied already.
    const story = new RecordedStory();
    const events = [
      passportCreated(story, 'first', 'same@example.org'),
      passportCreated(story, 'second', 'same@example.org'),
      passportCreated(story, 'third', 'other@example.org'),
    ];
    const batch = new WriteBatch(liveCollections);
    for (const event of events) batch.add(passportsProjection.project(event));

    await batch.apply(readStore);

    const passports = await readStore.collection('passports').find({}, { sort: { _id: 1 } });
    expect(passports.map((passport) => passport._id)).toEqual(['first', 'third']);
  });

  it('writes to the collections its naming gives', async () => {
    const story = new RecordedStory();
    const batch = new WriteBatch((name) => `${name}__elsewhere`);
    batch.add(passportsProjection.project(passportCreated(story, 'first', 'ada@example.org')));

    await batch.apply(readStore);

    expect(batch.size).toBe(1);
    expect(await readStore.collection('passports__elsewhere').countDocuments({})).toBe(1);
    expect(await readStore.collection('passports').countDocuments({})).toBe(0);
  });
});

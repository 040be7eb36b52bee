import type { KeyStore } from '../personal-data/key-store.port';

/** A key store to test, and how to open it again on the same data (a restart), and to clean up. */
export interface KeyStoreUnderTest {
  store: KeyStore;
  reopen(): Promise<KeyStore>;
  dispose(): Promise<void>;
}

/** What every key store does: the same suite for the embedded file and for MongoDB. */
export function describeKeyStoreContract(adapter: string, open: () => Promise<KeyStoreUnderTest>): void {
  describe(`key store contract, ${adapter}`, () => {
    let subject: KeyStoreUnderTest;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(async () => {
      await subject.dispose();
    });

    it('creates one 32-byte key a subject, the same on every ask, a different one for each subject', async () => {
      const first = await subject.store.keysFor(['invitee-a', 'invitee-b', 'invitee-a']);
      const again = await subject.store.keysFor(['invitee-a']);
      expect(first.get('invitee-a')).toHaveLength(32);
      expect(first.get('invitee-a')).toEqual(again.get('invitee-a'));
      expect(first.get('invitee-a')).not.toEqual(first.get('invitee-b'));
      expect(await subject.store.find('invitee-b')).toEqual(first.get('invitee-b'));
      expect(await subject.store.find('invitee-never')).toBeNull();
    });

    it('gives concurrent callers for one subject one key', async () => {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => subject.store.keysFor(['invitee-racy'])),
      );
      const keys = new Set(answers.map((answer) => answer.get('invitee-racy')?.toString('hex')));
      expect(keys.size).toBe(1);
    });

    it('keeps keys across a restart', async () => {
      const created = await subject.store.keysFor(['passport-p', 'upload-u']);
      const reopened = await subject.reopen();
      expect(await reopened.find('passport-p')).toEqual(created.get('passport-p'));
      expect((await reopened.keysFor(['upload-u'])).get('upload-u')).toEqual(created.get('upload-u'));
    });

    it('destroys keys for good: gone at once and after a restart, never created again, destroying twice is harmless', async () => {
      await subject.store.keysFor(['invitee-gone', 'invitee-kept']);
      await subject.store.destroy(['invitee-gone']);
      await subject.store.destroy(['invitee-gone', 'invitee-never-created']);
      expect(await subject.store.find('invitee-gone')).toBeNull();
      expect((await subject.store.keysFor(['invitee-gone'])).get('invitee-gone')).toBeNull();
      expect(
        (await subject.store.keysFor(['invitee-never-created'])).get('invitee-never-created'),
      ).toBeNull();
      const reopened = await subject.reopen();
      expect(await reopened.find('invitee-gone')).toBeNull();
      expect((await reopened.keysFor(['invitee-gone'])).get('invitee-gone')).toBeNull();
      expect(await reopened.find('invitee-kept')).toHaveLength(32);
    });
  });
}

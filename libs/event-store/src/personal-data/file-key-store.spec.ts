import { mkdir, readdir, readFile, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { aTempDirectory } from '../embedded/testing/temp-directory';
import { describeKeyStoreContract } from '../testing/key-store.contract';
import { FileKeyStore } from './file-key-store';

describeKeyStoreContract('embedded file', async () => {
  const directory = await aTempDirectory();
  const opened: FileKeyStore[] = [await FileKeyStore.open(directory.path)];
  return {
    store: opened[0],
    reopen: async () => {
      await opened[opened.length - 1].close();
      const store = await FileKeyStore.open(directory.path);
      opened.push(store);
      return store;
    },
    dispose: async () => {
      for (const store of opened) await store.close();
      await directory.remove();
    },
  };
});

describe('the embedded key store', () => {
  it('leaves no byte of a destroyed key in its directory, and keeps the others', async () => {
    const directory = await aTempDirectory();
    const store = await FileKeyStore.open(directory.path);
    const keys = await store.keysFor(['invitee-gone', 'invitee-kept']);
    const gone = keys.get('invitee-gone') as Buffer;
    const everything = async () =>
      Buffer.concat(
        await Promise.all(
          (await readdir(directory.path)).map((name) => readFile(join(directory.path, name))),
        ),
      );
    expect((await everything()).includes(gone.toString('base64'))).toBe(true);

    await store.destroy(['invitee-gone']);

    const after = await everything();
    expect(after.includes(gone.toString('base64'))).toBe(false);
    expect(after.includes(gone)).toBe(false);
    expect(after.includes((keys.get('invitee-kept') as Buffer).toString('base64'))).toBe(true);
    await store.close();
    await directory.remove();
  });

  it('writes each key once, and reads keys the service created since, when read only', async () => {
    const directory = await aTempDirectory();
    const store = await FileKeyStore.open(directory.path);
    const reader = await FileKeyStore.open(directory.path, { readOnly: true });
    const created = await Promise.all(['invitee-1', 'invitee-2', 'invitee-3'].map((s) => store.keysFor([s])));
    const lines = (await readFile(join(directory.path, 'keys.log'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(await reader.find('invitee-2')).toEqual(created[1].get('invitee-2'));
    await expect(reader.keysFor(['invitee-new'])).rejects.toThrow('reading only');
    await store.destroy(['invitee-2']);
    reader.forget('invitee-2');
    expect(await reader.find('invitee-2')).toBeNull();
    await store.close();
    await directory.remove();
  });
});

describe('the embedded key store, when a write fails', () => {
  it('answers the error and keeps no key it could not make durable; the next ask makes a new one', async () => {
    const directory = await aTempDirectory();
    const store = await FileKeyStore.open(directory.path);
    await store.keysFor(['invitee-first']);
    // Its file turned into a directory: the next append cannot be written (whoever runs the test).
    const file = join(directory.path, 'keys.log');
    await rm(file);
    await mkdir(file);

    await expect(store.keysFor(['invitee-lost'])).rejects.toThrow();
    expect(await store.find('invitee-lost')).toBeNull();

    await rmdir(file);
    const again = await store.keysFor(['invitee-lost']);
    expect(again.get('invitee-lost')).toHaveLength(32);
    const reopened = await FileKeyStore.open(directory.path);
    expect(await reopened.find('invitee-lost')).toEqual(again.get('invitee-lost'));
    await store.close();
    await directory.remove();
  });
});

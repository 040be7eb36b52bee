import { collect, eventually } from '../testing/event-fixtures';
import { EmbeddedEventStore } from './embedded-event-store';
import { exited, readLines, startScript } from './testing/child-process';
import { aTempDirectory } from './testing/temp-directory';

/**
 * A process killed with SIGKILL while appending loses no acknowledged event. (This checks that an append is
 * acknowledged only after its write, and that the log reopens cleanly after a kill; that the write also
 * survives a power cut rests on fdatasync, which a test cannot cut the power to check.)
 */
describe('a store process killed with SIGKILL in the middle of appends', () => {
  it('keeps every acknowledged event, and the store opens and appends again', async () => {
    const directory = await aTempDirectory();
    try {
      const child = startScript('append-until-killed.script.ts', [directory.path]);
      const { lines, stderr } = readLines(child);
      const exit = exited(child);
      await eventually('300 acknowledged appends', () => lines.length >= 300, 30_000);
      child.kill('SIGKILL');
      expect(await exit).toMatchObject({ signal: 'SIGKILL' });
      expect(stderr()).toBe('');

      const store = await EmbeddedEventStore.open(directory.path);
      try {
        const logged = await collect(store.readAll());
        const loggedIds = new Set(logged.map((event) => event.id));
        expect(lines.length).toBeGreaterThanOrEqual(300);
        expect(lines.filter((id) => !loggedIds.has(id))).toEqual([]);
        expect(loggedIds.size).toBe(logged.length);
        const last = logged[logged.length - 1];
        const next = await store.append(last.streamId, [{ ...last, id: 'after-the-kill' }], last.revision);
        expect(next.position).toBe(last.position + 1n);
      } finally {
        await store.close();
      }
    } finally {
      await directory.remove();
    }
  });
});

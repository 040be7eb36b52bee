import { PassThrough } from 'node:stream';
import { RebuildProgressBar } from './rebuild-progress';

/** A stream standing for stderr, as a terminal or as a pipe, keeping what is written. */
function stderrLike(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), {
    isTTY,
    columns: 120,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
  });
  let written = '';
  stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
  return { stream: stream as unknown as NodeJS.WriteStream, written: () => written };
}

describe('a rebuild progress report', () => {
  it('is one plain line per report when stderr is not a terminal', () => {
    const { stream, written } = stderrLike(false);
    const progress = new RebuildProgressBar(stream);

    progress.update({ phase: 'replaying', events: 10_000, position: 9_999n, head: 30_042n });
    progress.update({ phase: 'done', events: 30_043, position: '30042', head: '30042' });
    progress.stop();

    expect(written()).toBe(
      'rebuild: replaying the log, 10000 events, position 9999 of 30042\n' +
        'rebuild: done, 30043 events, position 30042 of 30042\n',
    );
  });

  it('is a bar with the phase, the share of the log done and the events on a terminal', () => {
    const { stream, written } = stderrLike(true);
    const progress = new RebuildProgressBar(stream);

    progress.update({ phase: 'replaying', events: 250, position: 249n, head: 999n });
    progress.stop();

    expect(written()).toMatch(/replaying the log \[[█░]+\] 25% \| 250 events \| position 249 of 999/);
    expect(written()).not.toContain('rebuild:');
  });
});

import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * A notifier's memory of what it handed over, as an append-only file of JSON lines: each entry is fsynced before
 * `append` resolves, and the entries of earlier runs are read back at open. A last line cut short by a crash (an
 * entry never acknowledged) is cut off.
 */
export class SentLog<Entry> {
  private constructor(private readonly file: FileHandle) {}

  static async open<Entry>(path: string): Promise<{ log: SentLog<Entry>; entries: Entry[] }> {
    await mkdir(dirname(path), { recursive: true });
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    const entries = complete
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Entry);
    const file = await open(path, 'a');
    if (complete.length < text.length) await file.truncate(Buffer.byteLength(complete, 'utf8'));
    return { log: new SentLog<Entry>(file), entries };
  }

  async append(entry: Entry): Promise<void> {
    await this.file.appendFile(`${JSON.stringify(entry)}\n`, 'utf8');
    await this.file.datasync();
  }

  close(): Promise<void> {
    return this.file.close();
  }
}

import { createReadStream } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Handover, Notifier, OutgoingMessage } from '../notifier.port';

/**
 * The embedded notifier: every message is appended as one JSON line to `<dir>/messages.ndjson`, as the
 * contract says. The messages of one call are written in a single write and fsynced before `send` resolves.
 * Ids already in the file are remembered, so a message is never written twice, across restarts too.
 */
export class OutboxNotifier implements Notifier {
  private readonly sent = new Set<string>();
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: FileHandle,
    readonly path: string,
  ) {}

  static async open(dir: string): Promise<OutboxNotifier> {
    await mkdir(dir, { recursive: true });
    const path = join(dir, 'messages.ndjson');
    const file = await open(path, 'a+');
    await cutTornTail(file);
    const notifier = new OutboxNotifier(file, path);
    await notifier.loadSentIds();
    return notifier;
  }

  async wasSent(id: string): Promise<boolean> {
    await this.queue;
    return this.sent.has(id);
  }

  /** A message in the outbox is QUEUED: whatever reads the outbox sends it on (and may report its receipts). */
  async handoverOf(id: string): Promise<Handover | null> {
    return (await this.wasSent(id)) ? QUEUED : null;
  }

  send(messages: readonly OutgoingMessage[]): Promise<void> {
    const write = this.queue.then(async () => {
      const fresh = messages.filter((m) => !this.sent.has(m.id));
      if (fresh.length === 0) return;
      await this.file.appendFile(fresh.map((m) => `${JSON.stringify(m)}\n`).join(''), 'utf8');
      await this.file.datasync();
      for (const m of fresh) this.sent.add(m.id);
    });
    this.queue = write.catch(() => undefined);
    return write;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.file.close();
  }

  /** Reads the ids already written (the torn tail, a message never acknowledged, is cut first). */
  private async loadSentIds(): Promise<void> {
    const lines = createInterface({ input: createReadStream(this.path, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const message = JSON.parse(line) as OutgoingMessage;
      this.sent.add(message.id);
    }
  }
}

const QUEUED: Handover = Object.freeze({ status: 'QUEUED', providerReference: null, reason: null });

/** A crash mid-write can leave a last line without its newline: cut it, so the next line starts clean. */
async function cutTornTail(file: FileHandle): Promise<void> {
  const { size } = await file.stat();
  let end = size;
  const chunk = Buffer.alloc(64 * 1024);
  while (end > 0) {
    const start = Math.max(0, end - chunk.length);
    const { bytesRead } = await file.read(chunk, 0, end - start, start);
    const newline = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (newline >= 0) {
      if (start + newline + 1 < size) await file.truncate(start + newline + 1);
      return;
    }
    end = start;
  }
  if (size > 0) await file.truncate(0);
}

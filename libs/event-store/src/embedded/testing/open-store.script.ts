/**
 * Test helper, run as a child process: opens the store in the directory given, prints one JSON line
 * ({ opened: true } or { opened: false, name, message }), then, with `hold`, keeps it open until killed.
 */
import { EmbeddedEventStore } from '../embedded-event-store';

async function main(directory: string, mode: string): Promise<void> {
  try {
    const store = await EmbeddedEventStore.open(directory);
    process.stdout.write(`${JSON.stringify({ opened: true, pid: process.pid })}\n`);
    if (mode === 'hold') setInterval(() => undefined, 60_000);
    else await store.close();
  } catch (error) {
    const { name, message } = error as Error;
    process.stdout.write(`${JSON.stringify({ opened: false, name, message })}\n`);
  }
}

void main(process.argv[2], process.argv[3] ?? 'try');

import { Writable } from 'node:stream';
import { createServiceLog } from '../json-log';

/** The service's JSON log (as LOG_FORMAT=json writes it) written into `lines`, each line parsed. */
export function capturedLog() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, log: createServiceLog({ logging: { format: 'json', level: 'info' } }, destination) };
}

import { Presets, SingleBar } from 'cli-progress';

interface Progress {
  phase: string;
  events: number;
  position: bigint | string;
  head: bigint | string;
}

const PHASE_LABELS: Record<string, string> = {
  replaying: 'replaying the log',
  'catching-up': 'catching up',
  done: 'done',
};

/**
 * A rebuild's progress on stderr (stdout keeps the result): on a terminal, a bar of how far through the log the
 * current phase is, by position; otherwise (a pipe, a CI log) one plain line per report.
 */
export class RebuildProgressBar {
  private readonly interactive: boolean;
  private readonly bar: SingleBar;
  private started = false;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.interactive = stream.isTTY === true;
    this.bar = new SingleBar(
      {
        format: '{phase} [{bar}] {percentage}% | {events} events | position {position} of {head}',
        stream,
        hideCursor: true,
        etaBuffer: 50,
      },
      Presets.shades_classic,
    );
  }

  update(progress: Progress): void {
    const phase = PHASE_LABELS[progress.phase] ?? progress.phase;
    if (!this.interactive) {
      this.stream.write(
        `rebuild: ${phase}, ${progress.events} events, position ${progress.position} of ${progress.head}\n`,
      );
      return;
    }
    // Positions start at 0 (-1 is "nothing yet"): the bar counts from one before the first.
    const total = Math.max(1, Number(progress.head) + 1);
    const value = Math.min(total, Number(progress.position) + 1);
    const payload = {
      phase,
      events: progress.events,
      position: String(progress.position),
      head: String(progress.head),
    };
    if (!this.started) this.bar.start(total, value, payload);
    else {
      this.bar.setTotal(total);
      this.bar.update(value, payload);
    }
    this.started = true;
  }

  stop(): void {
    if (this.started) this.bar.stop();
  }
}

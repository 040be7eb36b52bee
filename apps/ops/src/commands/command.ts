/** One command of the ops command line. */
export interface Command {
  summary: string;
  usage: string;
  /** Resolves with the exit status when it is not 0 (see `verify`). */
  run(argv: string[]): Promise<void | number>;
}

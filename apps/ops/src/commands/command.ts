/** One command of the ops command line. */
export interface Command {
  summary: string;
  usage: string;
  run(argv: string[]): Promise<void>;
}

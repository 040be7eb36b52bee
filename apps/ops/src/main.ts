import { eraseCommand } from './commands/erase.command';
import { exportCommand } from './commands/export.command';
import type { Command } from './commands/command';
import { rebuildCommand } from './commands/rebuild.command';
import { replayCommand } from './commands/replay.command';
import { statusCommand } from './commands/status.command';
import { tokenCommand } from './commands/token.command';
import { verifyCommand } from './commands/verify.command';
import { isUsageError, UsageError } from './cli/usage-error';

const commands: Record<string, Command> = {
  status: statusCommand,
  rebuild: rebuildCommand,
  replay: replayCommand,
  export: exportCommand,
  token: tokenCommand,
  verify: verifyCommand,
  erase: eraseCommand,
};

function help(): string {
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`);
  return [
    'Usage: npm run ops -- <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Global options:',
    '  --verbose  show the stack of an unexpected error',
    '',
    "npm run ops -- <command> --help for a command's options. The configuration comes from the same",
    'environment as the service (EVENT_STORE, READ_STORE, DATA_DIR, JWT_SECRET, PORT): see docs/operations.md.',
  ].join('\n');
}

/** The operators' and auditors' command line. */
async function main(argv: string[]): Promise<void | number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return;
  }
  const command = commands[name];
  if (!command) throw new UsageError(`unknown command "${name}"\n\n${help()}`);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage);
    return;
  }
  return command.run(rest);
}

/** Exit status 2 for a usage error (with the message), 1 for any other error (one line; the stack with --verbose). */
function fail(error: unknown, verbose: boolean): never {
  if (isUsageError(error)) {
    console.error((error as Error).message);
    process.exit(2);
  }
  if (verbose) console.error(error);
  else console.error(`error: ${oneLine(error)}`);
  process.exit(1);
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split('\n')
    .map((line) => line.trim().replace(/^- /, ''))
    .filter(Boolean)
    .join('; ');
}

// A reader that goes away (`npm run ops -- export ... | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
// Exits once stdout is flushed: a client of EventStoreDB or MongoDB must not keep a finished command alive. The
// status is 0, or the command's own (what `verify` found).
main(args.filter((arg) => arg !== '--verbose')).then(
  (status) => process.stdout.write('', () => process.exit(status ?? 0)),
  (error: unknown) => fail(error, verbose),
);

import 'reflect-metadata';
import { tokenCommand, tokenUsage, UsageError } from './commands/token.command';

type Command = { run: (argv: string[]) => Promise<void>; usage: string; summary: string };

const commands: Record<string, Command> = {
  token: { run: tokenCommand, usage: tokenUsage, summary: 'print a development admin token' },
};

function help(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `Usage: npm run ops -- <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nnpm run ops -- <command> --help for a command's options.`;
}

/** The operators' and auditors' command line. */
async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(help());
    return;
  }
  const command = commands[name];
  if (!command) throw new UsageError(`unknown command "${name}"\n\n${help()}`);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage);
    return;
  }
  await command.run(rest);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error((error as Error).message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});

import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** A command's options, read strictly: an unknown option or a stray argument is a usage error (see isUsageError). */
export function commandOptions<const Options extends OptionsConfig>(argv: string[], options: Options) {
  return parseArgs({ args: argv, options, strict: true }).values;
}

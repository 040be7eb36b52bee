import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { parseDateOfBirth } from '@invitations/domain';

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

function literalString(ast: ValueNode, scalar: string): string {
  if (ast.kind !== Kind.STRING) throw badInput(`${scalar} must be a string`);
  return ast.value;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || parseDateOfBirth(value) !== value) {
    throw badInput(`Date must be a real date written YYYY-MM-DD (got ${JSON.stringify(value)})`);
  }
  return value;
}

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw badInput(
      `DateTime must be an ISO-8601 instant, e.g. 2026-11-22T09:30:00Z (got ${JSON.stringify(value)})`,
    );
  }
  return new Date(value);
}

/** `Date`: YYYY-MM-DD, a real calendar date. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD',
  serialize: (value) => String(value),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(literalString(ast, 'Date')),
});

/** `DateTime`: an ISO-8601 instant, answered in UTC. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An ISO-8601 instant, UTC',
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString()),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(literalString(ast, 'DateTime')),
});

import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { execute, getVariableValues, GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type Request = Parameters<Executor>[0];

/** How many distinct queries are kept compiled: the console's and a client's few, with room for many more. */
const MOST_COMPILED = 500;

/** Introspection (`__schema`, `__type(…)`, not `__typename`) is executed as graphql-js executes it. */
const INTROSPECTION = /__schema|__type\b/;

/**
 * Executes the API's queries compiled to JavaScript (graphql-jit, as Mercurius does), each document compiled once
 * and kept: a page of 50 people is 300 fields, and graphql-js interprets each of them again on every request
 * (the arguments of every field, its completion, its path), a third of the time a page takes.
 *
 * Everything else is graphql-js's, so that its answers stay exactly as they were: parsing, validation and the
 * request's plugins are Apollo's before this runs; mutations (one at a time, in order), introspection and a request
 * whose variables do not fit their types (graphql-js's messages and Apollo's BAD_USER_INPUT) are executed by
 * graphql-js itself.
 *
 * Apollo Server 4 lets an executor in only as a gateway: this is a gateway of one schema that never changes, the
 * one Nest builds (`useSchema`, given to GraphQLModule's `transformSchema`).
 */
export class CompiledQueries implements Gateway {
  private schema: GraphQLSchema | null = null;
  private readonly compiled = new Map<string, CompiledQuery | ExecutionResult>();

  /** Nest's `transformSchema`: the schema with its resolvers, as Apollo will serve it. */
  readonly useSchema = (schema: GraphQLSchema): GraphQLSchema => {
    this.schema = schema;
    this.compiled.clear();
    return schema;
  };

  onSchemaLoadOrUpdate(callback: Parameters<Gateway['onSchemaLoadOrUpdate']>[0]): () => void {
    callback({ apiSchema: this.schemaOrFail(), coreSupergraphSdl: '' });
    return () => undefined;
  }

  async load(): Promise<{ executor: Executor }> {
    return { executor: (request) => this.execute(request) };
  }

  async stop(): Promise<void> {}

  private async execute(request: Request): Promise<ExecutionResult> {
    const schema = this.schemaOrFail();
    const { document, operation, operationName, context, source } = request;
    const variableValues = request.request.variables ?? {};
    const interpreted = () =>
      execute({
        schema,
        document,
        operationName,
        contextValue: context,
        variableValues,
      }) as Promise<ExecutionResult>;
    if (operation.operation !== 'query' || INTROSPECTION.test(source)) return interpreted();
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variableValues);
    if (coerced.errors) return interpreted();
    const query = this.compiledFor(schema, request);
    if (!isCompiledQuery(query)) return interpreted();
    return withGraphQLJsErrors(await query.query(undefined, context, variableValues));
  }

  private compiledFor(schema: GraphQLSchema, { queryHash, operationName, document }: Request) {
    const key = `${queryHash}:${operationName ?? ''}`;
    let query = this.compiled.get(key);
    if (query === undefined) {
      query = compileQuery(schema, document, operationName ?? undefined);
      // The oldest compiled goes first: a client sending ever new documents cannot grow this without bound.
      if (this.compiled.size >= MOST_COMPILED)
        this.compiled.delete(this.compiled.keys().next().value as string);
      this.compiled.set(key, query);
    }
    return query;
  }

  private schemaOrFail(): GraphQLSchema {
    if (this.schema === null)
      throw new Error('GraphQL schema not built yet: CompiledQueries.useSchema comes first');
    return this.schema;
  }
}

/**
 * graphql-jit's errors as graphql-js makes them: the same message, locations, path and original error, and
 * `extensions` always an object (Apollo reads it on every error; graphql-jit leaves it out when empty).
 */
function withGraphQLJsErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors) return result;
  const errors = result.errors.map(({ message, locations, path, originalError, extensions }) => {
    const error = new GraphQLError(message, { path, originalError: originalError ?? undefined, extensions });
    return Object.assign(error, { locations });
  });
  return { ...result, errors };
}

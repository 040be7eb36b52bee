import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { execute, getVariableValues, GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type Request = Parameters<Executor>[0];

/** How many distinct queries are remembered (seen once, or compiled): the console's and a client's few, and more. */
const MOST_REMEMBERED = 500;

/** Introspection (`__schema`, `__type(…)`, not `__typename`) is executed as graphql-js executes it. */
const INTROSPECTION = /__schema|__type\b/;

/**
 * Executes the API's queries compiled to JavaScript (graphql-jit, as Mercurius does): a page of 50 people is 300
 * fields, and graphql-js interprets each of them again on every request (the arguments of every field, its
 * completion, its path). A document is compiled the second time it is asked, then kept: the queries clients repeat
 * run compiled, a document sent once costs no compilation, and what one compilation costs is bounded by the
 * request bounds (tokens, depth, aliases) that a document passed before it got here.
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
  /** By document: seen once, or compiled (or what graphql-jit answered when it could not compile it). */
  private readonly remembered = new Map<string, 'seen once' | CompiledQuery | ExecutionResult>();

  /** Nest's `transformSchema`: the schema with its resolvers, as Apollo will serve it. */
  readonly useSchema = (schema: GraphQLSchema): GraphQLSchema => {
    this.schema = schema;
    this.remembered.clear();
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
    if (query === null || !isCompiledQuery(query)) return interpreted();
    return withGraphQLJsErrors(await query.query(undefined, context, variableValues));
  }

  /** The document compiled, null the first time it is asked. */
  private compiledFor(schema: GraphQLSchema, { queryHash, operationName, document }: Request) {
    const key = `${queryHash}:${operationName ?? ''}`;
    const known = this.remembered.get(key);
    if (known !== undefined && known !== 'seen once') return known;
    const query = known === 'seen once' ? compileQuery(schema, document, operationName ?? undefined) : null;
    // The oldest remembered goes first: ever new documents cannot grow this without bound.
    if (known === undefined && this.remembered.size >= MOST_REMEMBERED)
      this.remembered.delete(this.remembered.keys().next().value as string);
    this.remembered.set(key, query ?? 'seen once');
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

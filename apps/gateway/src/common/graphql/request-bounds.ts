import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  GraphQLError,
  getNamedType,
  isCompositeType,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/**
 * The bounds of one GraphQL request, so that no single request can hold the gateway busy for more than about a
 * second or grow its memory by more than tens of megabytes (measured: see docs/operations.md, "GraphQL bounds").
 * Each is checked before anything runs; a request over one is refused with BAD_USER_INPUT naming it.
 */
export const GRAPHQL_BOUNDS = {
  /** Tokens in the document: bounds the parser's work and memory (the console's largest query has ~150). */
  maxTokens: 3000,
  /** Nesting of selections (introspection's own nesting is not counted). */
  maxDepth: 10,
  /** Aliased fields: every alias repeats a field's work under another name. */
  maxAliases: 20,
  /** The cost computed by `requestCost` (see COST below). */
  maxCost: 5000,
} as const;

/**
 * The cost model: every object the answer holds costs 1, a list's items are multiplied by the `first` asked (its
 * default when not given) or, for a list without paging, by a size assumed for it; reads that go to the event log
 * per node are weighted by what they cost beside a read-model lookup (measured: an invitee's history is about ten
 * read-model rows' work). Scalars are free: what costs is finding the objects, not printing their fields.
 */
const ASSUMED_LIST_SIZE: Record<string, number> = {
  'Query.resourcePools': 20,
  'ResourcePool.batches': 20,
  'Invitee.history': 10,
  'Query.invitationHistory': 10,
  'UploadPreview.duplicates': 100,
  'UploadPreview.possibleDuplicates': 100,
};
const READ_WEIGHT: Record<string, number> = {
  // The invitee's events read from the log and folded (history, as-of).
  'Invitee.history': 10,
  'Query.invitationHistory': 10,
  'Query.inviteeAsOf': 10,
  // An upload's stream: its summary and up to 150 chunks of rows.
  'Query.upload': 100,
  // Counting a batch's tabs, a pool's members.
  'InvitationBatch.counts': 2,
  'ResourcePool.memberCount': 2,
};

const costOfField: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const key = `${type.name}.${field.name}`;
  // Introspection (when it is allowed at all) is answered from the schema in memory: one unit, whatever its shape.
  if (field.name.startsWith('__') || type.name.startsWith('__')) return 1;
  const objects = isCompositeType(getNamedType(field.type)) ? 1 : 0;
  const first = typeof args.first === 'number' && args.first > 0 ? args.first : null;
  const items = first ?? ASSUMED_LIST_SIZE[key] ?? 1;
  return (READ_WEIGHT[key] ?? 0) + items * (objects + childComplexity);
};

/** What answering this operation costs, by the model above; the variables decide the `first` of each list. */
export function requestCost(
  schema: Parameters<typeof getComplexity>[0]['schema'],
  document: Parameters<typeof getComplexity>[0]['query'],
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [costOfField] });
}

const refusal = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });

/** Armor's rules report through the validation context (not by throwing), with the bound named. */
const reported =
  (context: ValidationContext) =>
  (_: unknown, error: GraphQLError): void =>
    context.reportError(refusal(error.message.replace(/^Syntax Error: /, '')));

/** Depth and aliases, checked with the other validation rules, before anything runs. */
export const boundsValidationRules: ValidationRule[] = [
  (context) =>
    maxDepthRule({ n: GRAPHQL_BOUNDS.maxDepth, onReject: [reported(context)], propagateOnRejection: false })(
      context,
    ),
  (context) =>
    maxAliasesRule({
      n: GRAPHQL_BOUNDS.maxAliases,
      onReject: [reported(context)],
      propagateOnRejection: false,
    })(context),
];

/** graphql-js's own token limit, applied by Apollo's parser (its message is reworded by `namedBound`). */
export const boundsParseOptions: ParseOptions = { maxTokens: GRAPHQL_BOUNDS.maxTokens };

const TOKEN_LIMIT_MESSAGE =
  /^Syntax Error: Document contains more th(?:an|at) (\d+) tokens\. Parsing aborted\.$/;

/** The parser's refusal over the token limit, worded as the other bounds are; any other message as it is. */
export function namedBound(message: string): string {
  const tokens = TOKEN_LIMIT_MESSAGE.exec(message);
  return tokens ? `Token limit of ${tokens[1]} exceeded: send a shorter document.` : message;
}

/**
 * The cost limit, once the operation is known and before it runs (the variables are needed for the lists' sizes).
 * Variables that do not fit the operation are left for execution to refuse with its own error.
 */
export const costLimitPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, request }) {
        const cost = knownCost(document, request.variables, request.operationName ?? undefined, () =>
          requestCost(schema, document, request.variables, request.operationName ?? undefined),
        );
        if (cost === null) return;
        if (cost > GRAPHQL_BOUNDS.maxCost) {
          throw refusal(
            `Query cost limit of ${GRAPHQL_BOUNDS.maxCost} exceeded, found ${cost}: ask for smaller pages (first), ` +
              'fewer aliases, or history for fewer invitees at once.',
          );
        }
      },
    };
  },
};

/** How many sets of variables each document's costs are remembered for. */
const COSTS_PER_DOCUMENT = 64;
/** Costs by parsed document (Apollo keeps one parsed document per query text), then by variables. */
const costs = new WeakMap<object, Map<string, number | null>>();

/**
 * The cost of a document with these variables, computed once: clients ask the same few operations with the same
 * few variables over and over (a tab's page of 50), and walking the document with the schema takes as long as
 * answering a small query. Null when the operation and variables cannot be costed (execution then refuses them).
 */
function knownCost(
  document: object,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  compute: () => number,
): number | null {
  let byVariables = costs.get(document);
  if (!byVariables) costs.set(document, (byVariables = new Map()));
  const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
  let cost = byVariables.get(key);
  if (cost === undefined) {
    try {
      cost = compute();
    } catch {
      cost = null;
    }
    if (byVariables.size >= COSTS_PER_DOCUMENT) byVariables.clear();
    byVariables.set(key, cost);
  }
  return cost;
}

import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ClientError, GraphQLClient } from 'graphql-request';
import { accessToken, authorizationHeader } from './access-token';
import { asProblem, problemFromBody, type ProblemBody } from './api-problem';

const client = new GraphQLClient(`${window.location.origin}/graphql`, {
  requestMiddleware: (request) => {
    // The request's headers may be a Headers object (which spreading would empty): copy them one by one.
    const headers = new Headers(request.headers);
    for (const [name, value] of Object.entries(authorizationHeader())) headers.set(name, value);
    return { ...request, headers };
  },
});

/** A GraphQL error's extensions: the contract's code and the problems by field (its message is the error's). */
type ErrorExtensions = Omit<ProblemBody, 'message'>;

/** Runs one typed operation with the admin's token; any error becomes an ApiProblem with its field errors. */
export async function gql<Result, Variables extends object>(
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  try {
    return await client.request<Result, object>(document, variables);
  } catch (error) {
    if (error instanceof ClientError) {
      const first = error.response.errors?.[0];
      const extensions = (first?.extensions ?? {}) as ErrorExtensions;
      const problem = problemFromBody({ ...extensions, message: first?.message }, error.response.status);
      if (problem.code === 'UNAUTHENTICATED') accessToken.expired();
      throw problem;
    }
    throw asProblem(error);
  }
}

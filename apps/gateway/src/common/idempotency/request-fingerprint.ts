import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { print, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

/**
 * What makes a request this request, as a digest: the same request sent again (a retry) has the same fingerprint;
 * another operation, other variables or other literal input another. Whitespace, comments and the order of a
 * JSON object's keys do not count.
 */

/** A GraphQL operation: its document as printed by graphql-js (with the fragments it uses) and its variables. */
export function graphqlFingerprint(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): string {
  const used = Object.keys(fragments)
    .sort()
    .map((name) => print(fragments[name]));
  return digest(['graphql', print(operation), used, canonical(variables)]);
}

/**
 * A REST command (the upload): method, path, query, the body's media type and, for a plain body, its length. The
 * file itself is only known once read: a retry that sends another file of the same length is refused then, by
 * the SHA-256 the upload records (CONFLICT).
 */
export function httpFingerprint(
  method: string,
  path: string,
  query: Record<string, unknown>,
  headers: IncomingHttpHeaders,
): string {
  const mediaType = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  // A form's length depends on the boundary the client picked, which a retry may pick again differently.
  const length = mediaType === 'multipart/form-data' ? null : (headers['content-length'] ?? null);
  return digest(['http', method.toUpperCase(), path, canonical(query), mediaType, length]);
}

function digest(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts), 'utf8').digest('hex');
}

/** JSON-like values with every object's keys sorted (Dates as ISO text). */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value === undefined ? null : value;
}

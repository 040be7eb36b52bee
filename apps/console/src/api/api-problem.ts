/** One problem the API names: a field (and, for uploads, a row) with what is wrong with it. */
export interface FieldProblem {
  row?: number | null;
  field?: string | null;
  message: string;
}

/**
 * An error as the contract words it: `extensions.code` and the message, with `extensions.errors` by field for
 * BAD_USER_INPUT and INVALID_UPLOAD (the REST routes answer the same as `{code, message, errors}`).
 */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  constructor(
    readonly code: string,
    message: string,
    readonly fieldProblems: FieldProblem[] = [],
    readonly status?: number,
  ) {
    super(message);
  }

  /** The problems of one field, as "is required; must be ..." for the form control that holds it. */
  forField(field: string): string | undefined {
    const messages = this.fieldProblems.filter((p) => p.field === field).map((p) => p.message);
    return messages.length > 0 ? messages.join('; ') : undefined;
  }
}

/** Any thrown value as an ApiProblem (a network failure, a bug), so every screen words errors one way. */
export function asProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (error instanceof TypeError) {
    return new ApiProblem('NETWORK', 'The service cannot be reached. Check your connection and try again.');
  }
  return new ApiProblem('INTERNAL_SERVER_ERROR', error instanceof Error ? error.message : String(error));
}

/** A REST route's JSON error body (`{code, message, errors}`), or a plain one from the status. */
export async function problemFromResponse(response: Response): Promise<ApiProblem> {
  try {
    const body = (await response.json()) as { code?: string; message?: string; errors?: FieldProblem[] };
    return new ApiProblem(
      body.code ?? `HTTP_${response.status}`,
      body.message ?? response.statusText,
      body.errors ?? [],
      response.status,
    );
  } catch {
    return new ApiProblem(
      `HTTP_${response.status}`,
      `The service answered ${response.status}.`,
      [],
      response.status,
    );
  }
}

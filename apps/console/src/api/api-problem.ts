/** One problem the API names: a field (and, for uploads, a row) with what is wrong with it. */
export interface FieldProblem {
  row?: number | null;
  field?: string | null;
  message: string;
}

/** How the service words a refusal: the REST routes' body, and what GraphQL's error carries (with its message). */
export interface ProblemBody {
  code?: string;
  message?: string;
  errors?: FieldProblem[];
}

/**
 * An error as the contract words it: `extensions.code` and the message, with `extensions.errors` by field for
 * BAD_USER_INPUT and INVALID_UPLOAD (the REST routes answer the same as `{code, message, errors}`); the HTTP status
 * when the service answered.
 */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  readonly code: string;
  readonly fieldProblems: FieldProblem[];
  readonly status?: number;

  constructor(problem: { code: string; message: string; fieldProblems?: FieldProblem[]; status?: number }) {
    super(problem.message);
    this.code = problem.code;
    this.fieldProblems = problem.fieldProblems ?? [];
    this.status = problem.status;
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
    return new ApiProblem({
      code: 'NETWORK',
      message: 'The service cannot be reached. Check your connection and try again.',
    });
  }
  return new ApiProblem({
    code: 'INTERNAL_SERVER_ERROR',
    message: error instanceof Error ? error.message : String(error),
  });
}

/** The service's refusal with its HTTP status: what the body leaves out is told from the status. */
export const problemFromBody = (
  body: ProblemBody,
  status: number,
  message = `The service answered ${status}.`,
): ApiProblem =>
  new ApiProblem({
    code: body.code ?? `HTTP_${status}`,
    message: body.message ?? message,
    fieldProblems: body.errors ?? [],
    status,
  });

/** A REST route's JSON error body (`{code, message, errors}`), or a plain one from the status. */
export async function problemFromResponse(response: Response): Promise<ApiProblem> {
  try {
    return problemFromBody((await response.json()) as ProblemBody, response.status, response.statusText);
  } catch {
    return problemFromBody({}, response.status);
  }
}

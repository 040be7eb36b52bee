import { authorizationHeader } from './access-token';
import { ApiProblem, asProblem, problemFromBody, problemFromResponse, type ProblemBody } from './api-problem';

/** The schema's DuplicateReason (the REST route answers the GraphQL type's fields as JSON). */
export type DuplicateReason =
  | 'EMAIL_REPEATED_IN_FILE'
  | 'MOBILE_REPEATED_IN_FILE'
  | 'ALREADY_IN_POOL'
  | 'MOBILE_BELONGS_TO_OTHER_PASSPORT';

/** The preview POST /api/uploads answers: the UploadPreview type's fields, as JSON. */
export interface UploadPreviewJson {
  id: string;
  batchId: string;
  totalRows: number;
  newCount: number;
  existingCount: number;
  invalidCount: number;
  duplicateCount: number;
  duplicates: { row: number; email: string; mobile: string | null; reasons: DuplicateReason[] }[];
  possibleDuplicates: { row: number; email: string; reason: 'SAME_NAME_AND_DATE_OF_BIRTH' }[];
  duplicatesReportUrl: string;
  expiresAt: string;
  confirmed: boolean;
  cohort: { staffType: string | null; jobRole: string | null; startDate: string | null };
}

export interface CohortValues {
  staffType: string;
  jobRole: string;
  startDate: string;
}

export type UploadProgress = { phase: 'sending'; sent: number; total: number } | { phase: 'checking' };

/**
 * Sends the file to POST /api/uploads as a form (streamed by the gateway, never held whole), with the bearer
 * token and the cohort; reports the bytes sent as it goes, then waits while the gateway checks every row.
 * XMLHttpRequest, because fetch reports no upload progress.
 */
export function sendUpload(
  batchId: string,
  file: File,
  cohort: CohortValues,
  onProgress: (progress: UploadProgress) => void,
): { result: Promise<UploadPreviewJson>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const query = new URLSearchParams({ batchId });
  for (const [key, value] of Object.entries(cohort)) if (value.trim()) query.set(key, value.trim());
  const result = new Promise<UploadPreviewJson>((resolve, reject) => {
    xhr.open('POST', `/api/uploads?${query.toString()}`);
    for (const [name, value] of Object.entries(authorizationHeader())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) =>
      onProgress({ phase: 'sending', sent: event.loaded, total: event.total || file.size });
    xhr.upload.onload = () => onProgress({ phase: 'checking' });
    xhr.onerror = () => reject(asProblem(new TypeError('network')));
    xhr.onabort = () => reject(new ApiProblem({ code: 'ABORTED', message: 'The upload was cancelled.' }));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 200 && body) return resolve(body as UploadPreviewJson);
      reject(problemFromBody((body ?? {}) as ProblemBody, xhr.status));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { result, abort: () => xhr.abort() };
}

/**
 * Downloads a file the API serves (the duplicates report), under its name, with the bearer token. The API names the
 * report by an absolute link on its public address, signed for browsers without a token; the console asks the API
 * it is served by for the same path, so that the page's Content-Security-Policy (connect-src 'self') lets it.
 */
export async function downloadWithToken(url: string, fileName: string): Promise<void> {
  const { pathname, search } = new URL(url, window.location.href);
  const response = await fetch(`${pathname}${search}`, { headers: authorizationHeader() }).catch(
    (error: unknown) => {
      throw asProblem(error);
    },
  );
  if (!response.ok) throw await problemFromResponse(response);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

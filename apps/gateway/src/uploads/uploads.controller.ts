import { ServiceError } from '@invitations/kernel';
import {
  Controller,
  Get,
  Header,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import busboy from 'busboy';
import type { Response } from 'express';
import { Readable, pipeline } from 'node:stream';
import type { ServiceConfig } from '@invitations/runtime';
import type { CohortInput } from '@invitations/uploads';
import { DUPLICATES_REPORT_CONTENT_TYPE, duplicatesReportCsv } from '@invitations/uploads';
import { TEMPLATE_CONTENT_TYPE, TEMPLATE_FILE_NAME, invitationTemplateCsvBytes } from '@invitations/uploads';
import { duplicatesReportRows, loadUpload, uploadOfOrganisation } from '@invitations/application';
import { AllowSignedLink, Public } from '../common/auth/public.decorator';
import type { AuthenticatedRequest } from '../common/auth/request-principal';
import { CommandContexts } from '../common/graphql/command-context.factory';
import { orgOf } from '../common/graphql/org-of';
import { bodyTooLarge } from '../common/errors/http-refusal';
import { APPLICATION_PORTS, type ApplicationPorts } from '../infrastructure/application-ports';
import { ReportLinks } from './report-links';
import { SERVICE_CONFIG } from '../infrastructure/tokens';
import { boundedBody, type BodyBounds } from './bounded-body';
import { UploadPreviews } from './upload-previews';

/** Room a multipart form takes beside its file: boundaries, part headers, the small fields before the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;
/** A form's fields other than the file are short text (a batch's cohort, say): a few KB each, a few of them. */
export const FORM_FIELD_LIMITS = { fieldSize: 4096, fieldNameSize: 100, fields: 20, parts: 25, files: 1 };

/**
 * The REST side of bulk uploads. `POST /api/uploads?batchId=…[&jobRole=…&staffType=…&startDate=…]` takes large
 * files streamed (never held whole): the body (CSV or .xlsx, told apart by its bytes), or `multipart/form-data` with
 * the file in field `file` (the cohort's fields may come before it). It needs the same bearer token as GraphQL.
 *
 * CSRF: these routes authenticate only with the `Authorization: Bearer` header, never with cookies, so a request a
 * hostile page makes a browser send carries no credentials (a browser form cannot set that header, and a script
 * on another origin that tries must pass a CORS preflight, which this service does not grant). A browser form
 * works by posting the FormData with fetch and the header: Apollo's CSRF prevention, which guards /graphql
 * only, does not stand in the way.
 */
@Controller('api')
export class UploadsController {
  constructor(
    private readonly contexts: CommandContexts,
    private readonly previews: UploadPreviews,
    private readonly links: ReportLinks,
    @Inject(APPLICATION_PORTS) private readonly ports: ApplicationPorts,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /**
   * Bounded before anything is read: a `Content-Length` over the limit answers 413 at once; at most
   * UPLOAD_CONCURRENCY uploads are read at a time (the next waits briefly, then 429 with Retry-After); the body is
   * held to the limit as it streams (413) and to UPLOAD_IDLE_SECONDS without a byte (408). Nothing is staged by a
   * refused upload.
   */
  @Post('uploads')
  async preview(
    @Query() query: Record<string, unknown>,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const context = this.contexts.forAdmin(req, 'previewUpload');
    const batchId = single(query, 'batchId');
    if (!batchId)
      throw new ServiceError('BAD_USER_INPUT', 'Say which batch: POST /api/uploads?batchId=<id>', [
        { field: 'batchId', message: 'is required' },
      ]);
    const bounds = this.bodyBounds(req);
    try {
      const view = await this.previews.preview(context, batchId, async () => {
        const upload = await uploadOf(req, bounds);
        return { source: upload.source, cohort: cohortOf(query, upload.fields) };
      });
      const duplicatesReportUrl = this.links.duplicatesReportUrl({
        ...view,
        organisationId: context.organisationId,
      });
      res.status(200).json({ ...view, duplicatesReportUrl });
    } catch (error) {
      // Refused before the whole body was read (e.g. over a limit): answer, then close instead of reading on.
      if (!req.complete) res.setHeader('Connection', 'close');
      throw error;
    }
  }

  /** The body's bounds; a declared length over them is refused before a byte is read. */
  private bodyBounds(req: AuthenticatedRequest): BodyBounds {
    const multipart = (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');
    const maxBytes = this.config.uploads.maxBytes + (multipart ? FORM_OVERHEAD_BYTES : 0);
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      req.res?.setHeader('Connection', 'close');
      throw bodyTooLarge(maxBytes);
    }
    return { maxBytes, idleSeconds: this.config.uploadBounds.idleSeconds };
  }

  /**
   * The duplicates report: with the bearer token, or through the signed link the upload's duplicatesReportUrl gives
   * (no token: `expires` and `signature` in the query, checked against the upload and its organisation).
   */
  @AllowSignedLink()
  @Get('uploads/:id/duplicates.csv')
  @Header('Content-Type', DUPLICATES_REPORT_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  async duplicates(
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const upload = req.principal
      ? await uploadOfOrganisation(this.ports.store, orgOf(req), id)
      : await this.signedFor(id, query);
    res.setHeader('Content-Disposition', `attachment; filename="duplicates-${id}.csv"`);
    const { uploadId, chunks } = upload.state.preview;
    return new StreamableFile(duplicatesReportCsv(duplicatesReportRows(this.ports.store, uploadId, chunks)));
  }

  /** The upload a signed link names, once its signature holds for that upload and its organisation. */
  private async signedFor(id: string, query: Record<string, unknown>) {
    const loaded = await loadUpload(this.ports.store, id);
    const link = { expires: single(query, 'expires'), signature: single(query, 'signature') };
    const { state } = loaded;
    const organisationId = state.status === 'absent' ? '' : state.preview.organisationId;
    // An upload that does not exist is refused as a bad link is: the link reveals nothing.
    if (state.status === 'absent' || this.links.refusal({ id, organisationId }, link) !== null) {
      throw new ServiceError(
        'FORBIDDEN',
        'This link to the duplicates report is not valid, or no longer works: ask for the upload again for a new one.',
      );
    }
    return { ...loaded, state };
  }

  @Public()
  @Get('templates/invitations.csv')
  @Header('Content-Type', TEMPLATE_CONTENT_TYPE)
  @Header('Content-Disposition', `attachment; filename="${TEMPLATE_FILE_NAME}"`)
  template(): StreamableFile {
    return new StreamableFile(invitationTemplateCsvBytes());
  }
}

/** The uploaded file's bytes, streamed, and the form's fields that came before it (none for a plain body). */
interface Upload {
  source: AsyncIterable<Uint8Array>;
  fields: Record<string, string>;
}

/** The cohort's fields, from the query or from the form (the GraphQL CohortInput's names). */
const COHORT_FIELDS = ['jobRole', 'staffType', 'startDate'] as const;

/**
 * The cohort the admin gives with the file, as query parameters or as form fields before the file: checked by the
 * preview as the GraphQL previewUpload's cohort is. The same field given both ways, differently, is refused.
 */
function cohortOf(query: Record<string, unknown>, fields: Record<string, string>): CohortInput | null {
  const cohort: CohortInput = {};
  for (const field of COHORT_FIELDS) {
    const fromQuery = single(query, field);
    const fromForm = fields[field];
    if (fromQuery !== undefined && fromForm !== undefined && fromQuery !== fromForm) {
      throw new ServiceError(
        'BAD_USER_INPUT',
        `${field} is given twice, differently: in the query and in the form`,
        [{ field, message: 'is given twice, differently' }],
      );
    }
    const value = fromQuery ?? fromForm;
    if (value !== undefined) cohort[field] = value;
  }
  return Object.keys(cohort).length > 0 ? cohort : null;
}

/** A query parameter given once (a parameter repeated is refused rather than one of its values picked). */
function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || typeof value === 'string') return value;
  throw new ServiceError('BAD_USER_INPUT', `Give ${name} once`, [
    { field: name, message: 'is given more than once' },
  ]);
}

/**
 * The file of the request, streamed and held to its bounds: the `file` field of a multipart form, or else the body
 * itself, whatever its content type says (text/csv, the xlsx type, application/octet-stream...): the preview reads
 * what the file is from its bytes. JSON and urlencoded bodies are refused: the framework has read them already, and
 * no spreadsheet is sent that way. A form's other fields are bounded to a few KB (FORM_FIELD_LIMITS) and kept when
 * they come before the file (the cohort); a file in any other field is refused rather than read.
 */
function uploadOf(req: AuthenticatedRequest, bounds: BodyBounds): Promise<Upload> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/json') || type.startsWith('application/x-www-form-urlencoded')) {
    return Promise.reject(
      new ServiceError(
        'BAD_USER_INPUT',
        'Send the file as the body (text/csv, an .xlsx file, or application/octet-stream), or as multipart/form-data in the field "file"',
      ),
    );
  }
  if (!type.startsWith('multipart/form-data'))
    return Promise.resolve({ source: boundedBody(req, bounds), fields: {} });
  return new Promise((resolve, reject) => {
    let form: busboy.Busboy;
    try {
      form = busboy({ headers: req.headers, limits: FORM_FIELD_LIMITS });
    } catch (error) {
      reject(new ServiceError('BAD_USER_INPUT', `The form cannot be read: ${(error as Error).message}`));
      return;
    }
    const fields: Record<string, string> = {};
    let found = false;
    const refuse = (error: Error) => {
      reject(error);
      form.destroy(error);
    };
    const formError = (message: string, field?: string) =>
      new ServiceError('BAD_USER_INPUT', message, field ? [{ field, message: 'is too long' }] : []);
    form.on('file', (field: string, file: Readable) => {
      if (field !== 'file' || found) {
        file.resume();
        refuse(formError('Send one file, in the field "file"'));
        return;
      }
      found = true;
      resolve({ source: file, fields });
    });
    form.on(
      'field',
      (name: string, value: string, info: { nameTruncated: boolean; valueTruncated: boolean }) => {
        if (info.nameTruncated || info.valueTruncated) {
          const shown = name.slice(0, 40);
          refuse(
            formError(`The form field "${shown}" is longer than ${FORM_FIELD_LIMITS.fieldSize} bytes`, shown),
          );
          return;
        }
        // The cohort's fields come before the file; what follows it is not read.
        if (!found) fields[name] = value;
      },
    );
    for (const limit of ['partsLimit', 'fieldsLimit', 'filesLimit'] as const) {
      form.on(limit, () => refuse(formError('The form has more parts than an upload needs')));
    }
    form.on('close', () => {
      if (!found)
        reject(
          new ServiceError('BAD_USER_INPUT', 'The form has no file in the field "file"', [
            { field: 'file', message: 'is required' },
          ]),
        );
    });
    // The form is read from the bounded body: its limit (413) and idle time (408) end the file's stream too.
    pipeline(Readable.from(boundedBody(req, bounds), { objectMode: false }), form, (error) => {
      if (!error) return;
      reject(
        error instanceof ServiceError
          ? error
          : new ServiceError('BAD_USER_INPUT', `The form cannot be read: ${error.message}`),
      );
    });
  });
}

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
import { CommandBus } from '@nestjs/cqrs';
import busboy from 'busboy';
import type { Response } from 'express';
import { Readable, pipeline } from 'node:stream';
import type { ServiceConfig } from '@invitations/runtime';
import { DUPLICATES_REPORT_CONTENT_TYPE, duplicatesReportCsv } from '@invitations/uploads';
import { TEMPLATE_CONTENT_TYPE, TEMPLATE_FILE_NAME, invitationTemplateCsvBytes } from '@invitations/uploads';
import { duplicateRowsOf, recordedUpload } from '@invitations/application';
import { Public } from '../common/auth/public.decorator';
import type { AuthenticatedRequest } from '../common/auth/request-principal';
import { CommandContexts } from '../common/graphql/command-context.factory';
import { orgOf } from '../common/graphql/org-of';
import { bodyTooLarge } from '../common/errors/http-refusal';
import { APPLICATION_PORTS, type ApplicationPorts } from '../infrastructure/application-ports';
import { SERVICE_CONFIG } from '../infrastructure/tokens';
import { boundedBody, type BodyBounds } from './bounded-body';
import { UploadSlots } from './upload-slots';
import { PreviewUploadCommand } from './upload.commands';

/** Room a multipart form takes beside its file: boundaries, part headers, the small fields before the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;
/** A form's fields other than the file are short text (a batch's cohort, say): a few KB each, a few of them. */
export const FORM_FIELD_LIMITS = { fieldSize: 4096, fieldNameSize: 100, fields: 20, parts: 25, files: 1 };

/**
 * The REST side of bulk uploads. `POST /api/uploads` takes large files streamed (never held whole): the body as
 * `text/csv`, or `multipart/form-data` with the file in field `file`. It needs the same bearer token as GraphQL.
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
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
    @Inject(APPLICATION_PORTS) private readonly ports: ApplicationPorts,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly slots: UploadSlots,
  ) {}

  /**
   * Bounded before anything is read: a `Content-Length` over the limit answers 413 at once; at most
   * UPLOAD_CONCURRENCY uploads are read at a time (the next waits briefly, then 429 with Retry-After); the body is
   * held to the limit as it streams (413) and to UPLOAD_IDLE_SECONDS without a byte (408). Nothing is staged by a
   * refused upload.
   */
  @Post('uploads')
  async preview(
    @Query('batchId') batchId: string | undefined,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const context = this.contexts.forAdmin(req, 'previewUpload');
    if (!batchId)
      throw new ServiceError('BAD_USER_INPUT', 'Say which batch: POST /api/uploads?batchId=<id>', [
        { field: 'batchId', message: 'is required' },
      ]);
    const bounds = this.bodyBounds(req);
    let release: (() => void) | null = null;
    try {
      release = await this.slots.acquire();
      const source = await csvSource(req, bounds);
      res
        .status(200)
        .json(await this.commands.execute(new PreviewUploadCommand(context, batchId, source, null)));
    } catch (error) {
      // Refused before the whole body was read (e.g. over a limit): answer, then close instead of reading on.
      if (!req.complete) res.setHeader('Connection', 'close');
      throw error;
    } finally {
      release?.();
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

  @Get('uploads/:id/duplicates.csv')
  @Header('Content-Type', DUPLICATES_REPORT_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  async duplicates(
    @Param('id') id: string,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const upload = await recordedUpload(this.ports.store, orgOf(req), id);
    res.setHeader('Content-Disposition', `attachment; filename="duplicates-${id}.csv"`);
    return new StreamableFile(duplicatesReportCsv(duplicateRowsOf(upload)));
  }

  @Public()
  @Get('templates/invitations.csv')
  @Header('Content-Type', TEMPLATE_CONTENT_TYPE)
  @Header('Content-Disposition', `attachment; filename="${TEMPLATE_FILE_NAME}"`)
  template(): StreamableFile {
    return new StreamableFile(invitationTemplateCsvBytes());
  }
}

/**
 * The CSV bytes of the request, streamed and held to its bounds: the body itself for text/csv, the `file` field of a
 * multipart form. A form's other fields are bounded to a few KB (FORM_FIELD_LIMITS); a file in any other field is
 * refused rather than read.
 */
function csvSource(req: AuthenticatedRequest, bounds: BodyBounds): Promise<AsyncIterable<Uint8Array>> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('text/csv') || type.startsWith('application/csv')) {
    return Promise.resolve(boundedBody(req, bounds));
  }
  if (!type.startsWith('multipart/form-data')) {
    return Promise.reject(
      new ServiceError(
        'BAD_USER_INPUT',
        'Send the file as text/csv, or as multipart/form-data in the field "file"',
      ),
    );
  }
  return new Promise((resolve, reject) => {
    let form: busboy.Busboy;
    try {
      form = busboy({ headers: req.headers, limits: FORM_FIELD_LIMITS });
    } catch (error) {
      reject(new ServiceError('BAD_USER_INPUT', `The form cannot be read: ${(error as Error).message}`));
      return;
    }
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
      resolve(file);
    });
    form.on(
      'field',
      (name: string, _value: string, info: { nameTruncated: boolean; valueTruncated: boolean }) => {
        if (info.nameTruncated || info.valueTruncated) {
          refuse(
            formError(
              `The form field "${name.slice(0, 40)}" is longer than ${FORM_FIELD_LIMITS.fieldSize} bytes`,
              name.slice(0, 40),
            ),
          );
        }
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

import { Controller, Get, Header, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import busboy from 'busboy';
import type { Response } from 'express';
import type { Readable } from 'node:stream';
import { DUPLICATES_REPORT_CONTENT_TYPE, duplicatesReportCsv, type CohortInput } from '@invitations/uploads';
import { TEMPLATE_CONTENT_TYPE, TEMPLATE_FILE_NAME, invitationTemplateCsvBytes } from '@invitations/uploads';
import { Public } from '../auth/public.decorator';
import type { AuthenticatedRequest } from '../auth/request-principal';
import { ApiError } from '../errors/api-error';
import { CommandContexts } from '../graphql/command-context.factory';
import { orgOf } from '../graphql/org-of';
import { PreviewUploadCommand } from './preview-upload.command';
import { Uploads } from './upload.query';

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
    private readonly uploads: Uploads,
  ) {}

  @Post('uploads')
  async preview(
    @Query('batchId') batchId: string | undefined,
    @Query() query: Record<string, unknown>,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const context = this.contexts.forAdmin(req, 'previewUpload');
    if (!batchId)
      throw new ApiError('BAD_USER_INPUT', 'Say which batch: POST /api/uploads?batchId=<id>', [
        { field: 'batchId', message: 'is required' },
      ]);
    try {
      const source = await csvSource(req);
      res
        .status(200)
        .json(
          await this.commands.execute(new PreviewUploadCommand(context, batchId, source, cohortOf(query))),
        );
    } catch (error) {
      // Refused before the whole body was read (e.g. over a limit): answer, then close instead of reading on.
      if (!req.complete) res.setHeader('Connection', 'close');
      throw error;
    }
  }

  @Get('uploads/:id/duplicates.csv')
  @Header('Content-Type', DUPLICATES_REPORT_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  async duplicates(
    @Param('id') id: string,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const upload = await this.uploads.load(orgOf(req), id);
    res.setHeader('Content-Disposition', `attachment; filename="duplicates-${id}.csv"`);
    const duplicates = upload.rows
      .filter((r) => r.duplicateReasons.length > 0)
      .map((r) => ({
        row: r.row,
        email: r.person.email,
        mobile: r.person.mobile,
        reasons: r.duplicateReasons,
      }));
    return new StreamableFile(duplicatesReportCsv(duplicates));
  }

  @Public()
  @Get('templates/invitations.csv')
  @Header('Content-Type', TEMPLATE_CONTENT_TYPE)
  @Header('Content-Disposition', `attachment; filename="${TEMPLATE_FILE_NAME}"`)
  template(): StreamableFile {
    return new StreamableFile(invitationTemplateCsvBytes());
  }
}

/** The cohort, as query parameters `staffType`, `jobRole`, `startDate` (as previewUpload's `cohort` input). */
function cohortOf(query: Record<string, unknown>): CohortInput | null {
  const value = (name: string) => (typeof query[name] === 'string' ? query[name] : null);
  const cohort = { staffType: value('staffType'), jobRole: value('jobRole'), startDate: value('startDate') };
  return Object.values(cohort).some((v) => v !== null) ? cohort : null;
}

/** The CSV bytes of the request, streamed: the body itself for text/csv, the `file` field of a multipart form. */
function csvSource(req: AuthenticatedRequest): Promise<AsyncIterable<Uint8Array>> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('text/csv') || type.startsWith('application/csv')) return Promise.resolve(req);
  if (!type.startsWith('multipart/form-data')) {
    return Promise.reject(
      new ApiError(
        'BAD_USER_INPUT',
        'Send the file as text/csv, or as multipart/form-data in the field "file"',
      ),
    );
  }
  return new Promise((resolve, reject) => {
    const form = busboy({ headers: req.headers, limits: { files: 1, fields: 20 } });
    let found = false;
    form.on('file', (field: string, file: Readable) => {
      if (field !== 'file' || found) {
        file.resume();
        return;
      }
      found = true;
      resolve(file);
    });
    form.on('error', (error: Error) =>
      reject(new ApiError('BAD_USER_INPUT', `The form cannot be read: ${error.message}`)),
    );
    form.on('close', () => {
      if (!found)
        reject(
          new ApiError('BAD_USER_INPUT', 'The form has no file in the field "file"', [
            { field: 'file', message: 'is required' },
          ]),
        );
    });
    req.pipe(form);
  });
}

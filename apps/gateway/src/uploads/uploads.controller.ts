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
import type { Readable } from 'node:stream';
import { DUPLICATES_REPORT_CONTENT_TYPE, duplicatesReportCsv } from '@invitations/uploads';
import { TEMPLATE_CONTENT_TYPE, TEMPLATE_FILE_NAME, invitationTemplateCsvBytes } from '@invitations/uploads';
import { duplicateRowsOf, recordedUpload } from '@invitations/application';
import { Public } from '../common/auth/public.decorator';
import type { AuthenticatedRequest } from '../common/auth/request-principal';
import { CommandContexts } from '../common/graphql/command-context.factory';
import { orgOf } from '../common/graphql/org-of';
import { APPLICATION_PORTS, type ApplicationPorts } from '../infrastructure/application-ports';
import { PreviewUploadCommand } from './upload.commands';

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
  ) {}

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
    try {
      const source = await csvSource(req);
      res
        .status(200)
        .json(await this.commands.execute(new PreviewUploadCommand(context, batchId, source, null)));
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

/** The CSV bytes of the request, streamed: the body itself for text/csv, the `file` field of a multipart form. */
function csvSource(req: AuthenticatedRequest): Promise<AsyncIterable<Uint8Array>> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('text/csv') || type.startsWith('application/csv')) return Promise.resolve(req);
  if (!type.startsWith('multipart/form-data')) {
    return Promise.reject(
      new ServiceError(
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
      reject(new ServiceError('BAD_USER_INPUT', `The form cannot be read: ${error.message}`)),
    );
    form.on('close', () => {
      if (!found)
        reject(
          new ServiceError('BAD_USER_INPUT', 'The form has no file in the field "file"', [
            { field: 'file', message: 'is required' },
          ]),
        );
    });
    req.pipe(form);
  });
}

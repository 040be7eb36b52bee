import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { requestIdOf } from '../logging/request-context';
import { HTTP_STATUS, toClientError } from './error-mapping';

/** REST routes answer errors as JSON `{code, message, errors}` with the matching HTTP status; no stack traces. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      response.end();
      return;
    }
    const request = host.switchToHttp().getRequest<Request>();
    const { status, headers, ...error } = toClientError(exception, requestIdOf(request));
    for (const [name, value] of Object.entries(headers ?? {})) response.setHeader(name, value);
    response.status(status ?? HTTP_STATUS[error.code]).json(error);
  }
}

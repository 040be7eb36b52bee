import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { extname } from 'node:path';
import { Public } from '../common/auth/public.decorator';
import { ConsoleIndex } from './console-files';
import { consoleContentSecurityPolicy, setConsoleSecurityHeaders } from './console-security-headers';
import { CONSOLE_SETTINGS, type ConsoleSettings } from './console-settings';

const PREFIX = '/console/';

/**
 * Serves the built console (`dist/console`): its files, and index.html for every other path under /console
 * (the app's own routes: /console/pools, /console/batches/<id>, ...), so that a reload or a shared link opens the
 * page it names. The page needs no token; everything it shows comes from the API, which does.
 */
@Public()
@Controller('console')
export class ConsolePagesController {
  private readonly index: ConsoleIndex;

  constructor(@Inject(CONSOLE_SETTINGS) private readonly settings: ConsoleSettings) {
    this.index = new ConsoleIndex(settings.directory);
  }

  @Get()
  page(@Res() res: Response): Promise<void> {
    return this.sendPage(res);
  }

  @Get('*path')
  fileOrPage(@Req() req: Request, @Res() res: Response): Promise<void> {
    const path = req.path.startsWith(PREFIX) ? req.path.slice(PREFIX.length) : '';
    // A path with a file extension names a file of the build; anything else is a route of the app.
    if (extname(path) === '') return this.sendPage(res);
    setConsoleSecurityHeaders(res);
    const hashed = path.startsWith('assets/');
    return new Promise<void>((resolve) => {
      // sendFile refuses paths that climb out of root and hidden files; a miss answers 404.
      res.sendFile(
        path,
        {
          root: this.settings.directory,
          dotfiles: 'deny',
          // Vite names the files under assets/ by their content's hash: they never change.
          maxAge: hashed ? '365d' : 0,
          immutable: hashed,
        },
        (error) => {
          if (error && !res.headersSent) res.status(404).type('text/plain').send('Not found');
          resolve();
        },
      );
    });
  }

  private async sendPage(res: Response): Promise<void> {
    setConsoleSecurityHeaders(res);
    res.setHeader('Cache-Control', 'no-store');
    const page = await this.index.render();
    if (!page) {
      res
        .status(503)
        .type('text/plain')
        .send('The console is not built: run `npm run build:console` (npm start builds it).');
      return;
    }
    res.setHeader('Content-Security-Policy', consoleContentSecurityPolicy(page.nonce, this.settings.oidc));
    res.status(200).type('text/html; charset=utf-8').send(page.html);
  }
}

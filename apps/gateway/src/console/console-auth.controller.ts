import { Body, Controller, Get, Header, HttpCode, Inject, Post } from '@nestjs/common';
import { OPS_ROLE, ORG_ADMIN_ROLE, mintDevToken, resolveJwtSecret } from '@invitations/auth';
import type { ServiceConfig } from '@invitations/runtime';
import { Public } from '../common/auth/public.decorator';
import { ServiceError } from '@invitations/kernel';
import { SERVICE_CONFIG } from '../infrastructure/tokens';
import { CONSOLE_SETTINGS, type ConsoleSettings } from './console-settings';

/** How long a development sign-in lasts; the console signs in again (silently) before it ends. */
export const DEV_TOKEN_MINUTES = 60;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/;

/** How the console signs in, as GET /console/auth/config tells it. */
export type ConsoleSignIn =
  | { signIn: 'oidc'; oidc: { issuer: string; clientId: string; scope: string; audience: string | null } }
  | { signIn: 'development'; tokenMinutes: number }
  | { signIn: 'token'; reason: string };

/**
 * The console's sign-in settings (public: the page needs them before anyone signs in), and the development
 * sign-in: on the embedded defaults, a short-lived admin token for the organisation and user typed in, signed
 * as `npm run token` signs. It is refused in production and when tokens come from an identity provider's JWKS.
 */
@Public()
@Controller('console/auth')
export class ConsoleAuthController {
  constructor(
    @Inject(CONSOLE_SETTINGS) private readonly settings: ConsoleSettings,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  @Get('config')
  @Header('Cache-Control', 'no-store')
  signInConfig(): ConsoleSignIn {
    const { oidc, developmentSignIn } = this.settings;
    if (oidc) return { signIn: 'oidc', oidc };
    if (developmentSignIn.enabled) return { signIn: 'development', tokenMinutes: DEV_TOKEN_MINUTES };
    return { signIn: 'token', reason: developmentSignIn.reason };
  }

  @Post('dev-token')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async devToken(@Body() body: { organisation?: unknown; user?: unknown; ops?: unknown } | undefined) {
    const { developmentSignIn } = this.settings;
    if (!developmentSignIn.enabled) throw new ServiceError('FORBIDDEN', developmentSignIn.reason);
    const organisation = typeof body?.organisation === 'string' ? body.organisation.trim() : '';
    const user = typeof body?.user === 'string' ? body.user.trim() : '';
    const errors = [
      ...(NAME.test(organisation) ? [] : [{ field: 'organisation', message: NAME_RULE }]),
      ...(NAME.test(user) ? [] : [{ field: 'user', message: NAME_RULE }]),
    ];
    if (errors.length > 0)
      throw new ServiceError('BAD_USER_INPUT', 'Name the organisation and the user.', errors);
    const roles = body?.ops === true ? [ORG_ADMIN_ROLE, OPS_ROLE] : [ORG_ADMIN_ROLE];
    const secret = await resolveJwtSecret(this.config.jwt.secret, this.config.dataDir);
    const expiresAt = new Date(Date.now() + DEV_TOKEN_MINUTES * 60_000);
    const token = await mintDevToken(secret, {
      org: organisation,
      sub: user,
      roles,
      expiresIn: `${DEV_TOKEN_MINUTES}m`,
    });
    return { token, expiresAt: expiresAt.toISOString(), organisation, user, roles };
  }
}

const NAME_RULE = 'must be 1 to 100 letters, digits or . _ @ - (starting with a letter or digit)';

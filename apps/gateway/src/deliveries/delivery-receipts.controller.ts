import { Body, Controller, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { recordDeliveryReceipt } from '@invitations/application';
import { ServiceError } from '@invitations/kernel';
import {
  isSignedByTwilio,
  StandardWebhookReceipts,
  TWILIO_STATUS_CALLBACK_PATH,
  twilioDeliveryReceipt,
  twilioSettingsFromUrl,
  type DeliveryReceipt,
} from '@invitations/notifications';
import type { ServiceConfig } from '@invitations/runtime';
import { Public } from '../common/auth/public.decorator';
import type { AuthenticatedRequest } from '../common/auth/request-principal';
import { CommandContexts } from '../common/graphql/command-context.factory';
import { UseCaseCommand } from '../common/use-case.command';
import { SERVICE_CONFIG } from '../infrastructure/tokens';

/** A request with its body's exact bytes (the gateway keeps them: a signature is over the bytes, not the JSON). */
type ReceiptRequest = AuthenticatedRequest & { rawBody?: Buffer };

const MAX_RECEIPT_BYTES = 64 * 1024;

/**
 * Where providers report what became of each message. Public (providers hold no admin token): each receipt is
 * authenticated by its signature instead, and refused with 401 when that does not hold or is stale. A receipt of a
 * message this service never sent answers 404; one recorded, or recorded before (a retry), 204.
 *
 * - `POST /api/delivery-receipts`: provider-neutral receipts signed as Standard Webhooks sign theirs, keyed with
 *   DELIVERY_WEBHOOK_SECRET (unset: the route answers 404).
 * - `POST /api/delivery-receipts/twilio?messageId=…`: Twilio's SMS status callbacks, the URL each text message
 *   names, verified with X-Twilio-Signature and the auth token of `SMS=twilio://…` (otherwise: 404).
 */
@Public()
@Controller('api/delivery-receipts')
export class DeliveryReceiptsController {
  private readonly standard: StandardWebhookReceipts | null;
  private readonly twilioAuthToken: string | null;

  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {
    const secret = config.deliveryWebhookSecret;
    this.standard = secret ? new StandardWebhookReceipts(secret) : null;
    this.twilioAuthToken = config.sms.startsWith('twilio:')
      ? twilioSettingsFromUrl(config.sms).authToken
      : null;
  }

  @Post()
  @HttpCode(204)
  async receive(@Req() req: ReceiptRequest): Promise<void> {
    if (this.standard === null) throw notEnabled('DELIVERY_WEBHOOK_SECRET is not set');
    const receipt = this.standard.verify(await bodyOf(req), req.headers);
    await this.record(req, receipt);
  }

  @Post('twilio')
  @HttpCode(204)
  async receiveFromTwilio(
    @Req() req: ReceiptRequest,
    @Query('messageId') messageId: unknown,
    @Body() form: unknown,
  ): Promise<void> {
    if (this.twilioAuthToken === null) throw notEnabled('SMS is not a twilio:// URL');
    const params = form !== null && typeof form === 'object' ? (form as Record<string, unknown>) : {};
    // Twilio signs the URL it was given: the callback URL under PUBLIC_BASE_URL, query string included.
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    const url = `${this.config.publicBaseUrl}${TWILIO_STATUS_CALLBACK_PATH}${query}`;
    const signature = req.headers['x-twilio-signature'];
    if (
      !isSignedByTwilio(
        this.twilioAuthToken,
        typeof signature === 'string' ? signature : undefined,
        url,
        params,
      )
    )
      throw new ServiceError('UNAUTHENTICATED', 'The status callback’s X-Twilio-Signature does not hold.');
    if (typeof messageId !== 'string' || messageId === '')
      throw new ServiceError('NOT_FOUND', 'Message not found.');
    const receipt = twilioDeliveryReceipt(messageId, params);
    if (receipt !== null) await this.record(req, receipt);
  }

  private async record(req: ReceiptRequest, receipt: DeliveryReceipt): Promise<void> {
    const { correlationId, now } = this.contexts.forAnyone(req, 'recordDeliveryReceipt');
    await this.commands.execute(
      new UseCaseCommand((ports) => recordDeliveryReceipt(ports, { correlationId, now }, receipt), {
        correlationId,
      }),
    );
  }
}

/** A route not configured answers as one that does not exist. */
const notEnabled = (why: string) =>
  new ServiceError('NOT_FOUND', `Delivery receipts are not enabled here (${why}).`);

/** The body's bytes: kept by the JSON parser, or read here for a body no parser took (bounded). */
async function bodyOf(req: ReceiptRequest): Promise<Buffer> {
  if (req.rawBody) return req.rawBody;
  if (req.readableEnded) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_RECEIPT_BYTES)
      throw new ServiceError('BAD_USER_INPUT', 'The delivery receipt is too large.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

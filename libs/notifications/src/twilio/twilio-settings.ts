/** Twilio's REST API, unless the SMS URL names a regional edge (or, in tests, a local server). */
export const TWILIO_API = 'https://api.twilio.com';

/** The Twilio account that sends the text messages, read from `SMS=twilio://ACCOUNT_SID:AUTH_TOKEN@FROM`. */
export interface TwilioSettings {
  accountSid: string;
  /** Signs the requests to Twilio (basic auth) and Twilio's status callbacks to us (X-Twilio-Signature). */
  authToken: string;
  /** The sender: a phone number in E.164 (`+61400000000`), or a Messaging Service SID (`MG…`). */
  from: string;
  /** Where the REST API is (`?api=https://api.dublin.ie1.twilio.com` for an edge); no trailing slash. */
  apiBaseUrl: string;
}

/**
 * Reads `twilio://ACCOUNT_SID:AUTH_TOKEN@FROM[?api=BASE_URL]`. The token and the sender may be percent-encoded
 * (`%2B61400000000`). Throws an error naming what is wrong, never the token.
 */
export function twilioSettingsFromUrl(url: string): TwilioSettings {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('SMS must be "outbox" or twilio://ACCOUNT_SID:AUTH_TOKEN@FROM_NUMBER');
  }
  if (parsed.protocol !== 'twilio:') throw new Error('The Twilio notifier needs a twilio:// URL');
  const accountSid = decodeURIComponent(parsed.username);
  const authToken = decodeURIComponent(parsed.password);
  const from = decodeURIComponent(parsed.hostname);
  if (!/^AC[0-9a-zA-Z]{8,}$/.test(accountSid))
    throw new Error('The Twilio URL needs the account SID (AC…) as its user name');
  if (authToken === '') throw new Error('The Twilio URL needs the auth token as its password');
  if (!/^\+[1-9]\d{6,14}$/.test(from) && !/^MG[0-9a-zA-Z]{8,}$/.test(from))
    throw new Error(
      'The Twilio URL needs the sender (a number in E.164, or a Messaging Service SID MG…) as its host',
    );
  const api = parsed.searchParams.get('api') ?? TWILIO_API;
  try {
    new URL(api);
  } catch {
    throw new Error('The Twilio URL’s api parameter must be an absolute URL');
  }
  return { accountSid, authToken, from, apiBaseUrl: api.replace(/\/+$/, '') };
}

/** The path of the gateway's route for Twilio's status callbacks. */
export const TWILIO_STATUS_CALLBACK_PATH = '/api/delivery-receipts/twilio';

/**
 * The status callback URL given to Twilio with each text message: the gateway's Twilio route under
 * PUBLIC_BASE_URL, naming our message (Twilio signs this exact URL, query included).
 */
export function twilioStatusCallbackUrl(publicBaseUrl: string, messageId: string): string {
  return `${publicBaseUrl}${TWILIO_STATUS_CALLBACK_PATH}?messageId=${encodeURIComponent(messageId)}`;
}

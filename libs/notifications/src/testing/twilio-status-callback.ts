/** The account of the Twilio status callbacks the tests post (its sid as Twilio writes one). */
export const TWILIO_TEST_ACCOUNT = 'AC0123456789abcdef0123456789abcdef';

/**
 * The form Twilio posts to a message's status callback, as its documentation shows it, with the status given (and
 * what else a status brings, e.g. `ErrorCode`).
 */
export function twilioStatusCallback(
  status: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    AccountSid: TWILIO_TEST_ACCOUNT,
    MessageSid: 'SM00000000000000000000000000000001',
    SmsSid: 'SM00000000000000000000000000000001',
    MessageStatus: status,
    SmsStatus: status,
    To: '+61412345678',
    From: '+61400000000',
    ApiVersion: '2010-04-01',
    ...extra,
  };
}

import { TWILIO_API, twilioSettingsFromUrl, twilioStatusCallbackUrl } from './twilio-settings';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';

describe('twilioSettingsFromUrl', () => {
  it('reads the account SID, the auth token and the sender, with Twilio’s API by default', () => {
    expect(twilioSettingsFromUrl(`twilio://${ACCOUNT}:s3cr%2Ft@+61400000000`)).toEqual({
      accountSid: ACCOUNT,
      authToken: 's3cr/t',
      from: '+61400000000',
      apiBaseUrl: TWILIO_API,
    });
  });

  it('takes a percent-encoded sender, a Messaging Service, and another API base', () => {
    expect(twilioSettingsFromUrl(`twilio://${ACCOUNT}:t@%2B61400000000`).from).toBe('+61400000000');
    expect(twilioSettingsFromUrl(`twilio://${ACCOUNT}:t@MG0123456789abcdef`).from).toBe('MG0123456789abcdef');
    expect(
      twilioSettingsFromUrl(`twilio://${ACCOUNT}:t@+61400000000?api=https://api.dublin.ie1.twilio.com/`)
        .apiBaseUrl,
    ).toBe('https://api.dublin.ie1.twilio.com');
  });

  it.each([
    ['smtp://AC1:t@+61400000000', /twilio:\/\//],
    ['twilio://someone:t@+61400000000', /account SID/],
    [`twilio://${ACCOUNT}@+61400000000`, /auth token/],
    [`twilio://${ACCOUNT}:t@0400000000`, /sender/],
    [`twilio://${ACCOUNT}:t@+61400000000?api=nowhere`, /api parameter/],
  ])('refuses %s, naming what is wrong and never the token', (url, problem) => {
    expect(() => twilioSettingsFromUrl(url)).toThrow(problem);
    try {
      twilioSettingsFromUrl(url.replace(':t@', ':tok3n@'));
    } catch (error) {
      expect((error as Error).message).not.toContain('tok3n');
    }
  });
});

describe('twilioStatusCallbackUrl', () => {
  it('is the gateway’s Twilio route under the public base URL, naming the message', () => {
    expect(twilioStatusCallbackUrl('https://x.example/app', 'b5d2c1e0-1f0b-5a43-9d3e-7b1c2a4e8f90')).toBe(
      'https://x.example/app/api/delivery-receipts/twilio?messageId=b5d2c1e0-1f0b-5a43-9d3e-7b1c2a4e8f90',
    );
  });
});

import type { SmtpNotifier, SmtpNotifierOptions } from './smtp-notifier';

/** The SMTP notifier, loaded only when asked for: the embedded default needs no mail library. */
export async function openSmtpNotifier(
  url: string,
  options: SmtpNotifierOptions = {},
): Promise<SmtpNotifier> {
  const { SmtpNotifier } = await import('./smtp-notifier');
  return new SmtpNotifier(url, options);
}

/** Where the SMTP notifier sends from, read from `NOTIFIER=smtp://host:port?from=...`. */
export interface SmtpSettings {
  /** The URL for nodemailer, without our own `from` parameter. */
  transportUrl: string;
  /** The sender, if the URL names one. */
  from?: string;
}

export const DEFAULT_FROM = 'Invitations <no-reply@localhost>';

/**
 * Splits our `from` query parameter off an smtp:// or smtps:// URL (nodemailer reads the other parameters,
 * e.g. `?pool=true`, and the credentials in the URL).
 */
export function smtpSettingsFromUrl(url: string): SmtpSettings {
  const parsed = new URL(url);
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new Error('The SMTP notifier needs an smtp:// or smtps:// URL');
  }
  const from = parsed.searchParams.get('from') ?? undefined;
  parsed.searchParams.delete('from');
  return { transportUrl: parsed.toString(), ...(from ? { from } : {}) };
}

/**
 * The Message-ID header for one of our messages: the same for every attempt to send it, so a message sent
 * twice (at-least-once) carries one id, by which mail clients and servers can tell it is one message.
 */
export function messageIdHeader(messageId: string, domain: string): string {
  // RFC 5322 dot-atom text: anything else in our ids (they are UUIDs in practice) becomes a dash.
  const left = messageId
    .replace(/[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^\.|\.$/g, '-');
  return `<${left}@${domain}>`;
}

/** The domain of the sender's address (`Name <a@b.example>` or `a@b.example`), for our Message-IDs. */
export function domainOfAddress(address: string): string | null {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(address.trim());
  return match ? match[1].toLowerCase() : null;
}

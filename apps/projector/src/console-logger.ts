import type { Logger } from '@invitations/kernel';

/** Timestamped lines on stdout (log) and stderr (warn, error). Messages carry no personal data. */
export function consoleLogger(context: string): Logger {
  const line = (level: string, message: string) =>
    `${new Date().toISOString()} ${level} [${context}] ${message}`;
  return {
    log: (message) => console.log(line('LOG', message)),
    warn: (message) => console.warn(line('WARN', message)),
    error: (message) => console.error(line('ERROR', message)),
  };
}

import type { Logger } from '@invitations/kernel';

/** A logger that keeps what it is told, for tests to read. */
export class CapturingLogger implements Logger {
  readonly messages: Array<{ level: 'log' | 'warn' | 'error'; message: string }> = [];

  log(message: string): void {
    this.messages.push({ level: 'log', message });
  }

  warn(message: string): void {
    this.messages.push({ level: 'warn', message });
  }

  error(message: string): void {
    this.messages.push({ level: 'error', message });
  }

  errors(): string[] {
    return this.messages.filter(({ level }) => level === 'error').map(({ message }) => message);
  }
}

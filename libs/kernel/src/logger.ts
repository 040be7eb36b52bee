/** Where background work reports (Nest's Logger fits). Messages carry no personal data. */
export interface Logger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

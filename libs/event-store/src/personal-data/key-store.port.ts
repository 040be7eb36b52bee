/**
 * Where the data keys live: one random AES-256 key per subject (the stream personal data is about: a person, a
 * passport, an upload). Destroying a subject's key erases its personal data from every event, everywhere the log is
 * copied, while the events themselves stay. A log without its keys is a log without its personal data: back both up.
 */
export interface KeyStore {
  /**
   * The keys of these subjects, creating one for each subject that has none. New keys are durable before this
   * resolves, so an event encrypted under one can be acknowledged. A destroyed subject answers null and gets no new
   * key: nothing personal can be written about it again.
   */
  keysFor(subjects: readonly string[]): Promise<Map<string, Buffer | null>>;
  /** The subject's key; null when it has none (destroyed, or never created). */
  find(subject: string): Promise<Buffer | null>;
  /**
   * The subject's key as this process holds it, without waiting: null when it has none, undefined when it must be
   * looked up (`find`). Lets reading stay synchronous for subscribers that are.
   */
  cached(subject: string): Buffer | null | undefined;
  /** Destroys the subjects' keys for good; durable before this resolves. Destroying twice changes nothing. */
  destroy(subjects: readonly string[]): Promise<void>;
  /** Drops a subject's key from this process's cache: another process destroyed it (its erasure event was read). */
  forget(subject: string): void;
  close(): Promise<void>;
}

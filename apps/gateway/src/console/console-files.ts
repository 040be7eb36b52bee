import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The placeholder the console's index.html carries (a meta tag) where each page load gets its own nonce. */
export const NONCE_PLACEHOLDER = '__CSP_NONCE__';

/**
 * The built console's index.html, read again only when a new build replaced it, with a fresh nonce put in for
 * every page load.
 */
export class ConsoleIndex {
  private cached: { modified: number; template: string } | null = null;

  constructor(private readonly directory: string) {}

  /** The page and its nonce; null when the console has not been built (`npm run build:console`). */
  async render(): Promise<{ html: string; nonce: string } | null> {
    const path = join(this.directory, 'index.html');
    let modified: number;
    try {
      modified = (await stat(path)).mtimeMs;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    if (this.cached?.modified !== modified)
      this.cached = { modified, template: await readFile(path, 'utf8') };
    const nonce = randomBytes(16).toString('base64');
    return { html: this.cached.template.split(NONCE_PLACEHOLDER).join(nonce), nonce };
  }
}

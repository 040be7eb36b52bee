import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium: the test tool's own browser download cannot work on these machines (see .ci/run). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '..', '..', '..', 'docs', 'console');
/**
 * Screenshots are written only when asked (`CONSOLE_SCREENSHOTS=1 npx jest test/console`): a test run otherwise
 * leaves the committed pictures alone. The checks they stand beside (accessibility, overflow) run either way.
 */
const WRITE_SCREENSHOTS = process.env.CONSOLE_SCREENSHOTS === '1';

/** Runs in the page (browser globals): logs each Content-Security-Policy violation as a console error. */
const REPORT_CSP_VIOLATIONS = `
document.addEventListener('securitypolicyviolation', (event) => {
  const element = event.target instanceof Element ? event.target.outerHTML.slice(0, 160) : String(event.target);
  console.error('CSP violation of ' + event.violatedDirective + ': ' + (event.sample || event.blockedURI) + ' at ' + element);
});`;

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/**
 * One headless Chromium for a test file, and a page on the console with what a person would notice going wrong
 * collected as it happens: script errors, refused styles or scripts (the Content-Security-Policy), failed
 * requests the test did not expect.
 */
export class ConsoleBrowser {
  private constructor(private readonly browser: Browser) {}

  static async launch(): Promise<ConsoleBrowser> {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      // Playwright gives every launch a fresh profile (its own --user-data-dir in a temporary directory).
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
    return new ConsoleBrowser(browser);
  }

  async open(baseUrl: string): Promise<ConsolePage> {
    const context = await this.browser.newContext({
      viewport: DESKTOP,
      locale: 'en-GB',
      timezoneId: 'UTC',
      acceptDownloads: true,
      baseURL: baseUrl,
    });
    context.setDefaultTimeout(15_000);
    // A refused style or script names what the Content-Security-Policy blocked, for the problems list.
    await context.addInitScript({ content: REPORT_CSP_VIOLATIONS });
    return new ConsolePage(context, await context.newPage());
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}

export class ConsolePage {
  /** What went wrong in the page: every console error and uncaught exception, in order. */
  readonly problems: string[] = [];

  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
  }

  /**
   * Fails on any problem the page reported since the last call, except those the test expects (e.g. the 422 of a
   * refused upload, which the browser logs as a failed resource).
   */
  expectNoProblems(expected: RegExp[] = []): void {
    const unexpected = this.problems.filter((p) => !expected.some((e) => e.test(p)));
    this.problems.length = 0;
    if (unexpected.length > 0) throw new Error(`The page reported problems:\n  ${unexpected.join('\n  ')}`);
  }

  /** axe-core on the page as it stands: no serious or critical violation (WCAG 2.x A and AA rules). */
  async expectAccessible(what: string): Promise<void> {
    const results = await new AxeBuilder({ page: this.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    if (serious.length > 0) {
      const details = serious
        .map(
          (v) =>
            `${v.impact} ${v.id}: ${v.help}\n      ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 5)
              .join('\n      ')}`,
        )
        .join('\n    ');
      throw new Error(`Accessibility violations on ${what}:\n    ${details}`);
    }
  }

  /**
   * Checks the page is accessible and (with CONSOLE_SCREENSHOTS=1) writes its screenshot to docs/console/<name>.png;
   * with `phone`, also at 390 pixels wide (<name>-phone.png), checked again there.
   */
  async capture(name: string, options: { phone?: boolean } = {}): Promise<void> {
    await this.settle();
    await this.expectAccessible(name);
    await this.screenshot(name);
    if (options.phone) {
      await this.page.setViewportSize(PHONE);
      await this.settle();
      await this.expectAccessible(`${name} at 390 pixels wide`);
      // Usable at 390 pixels: nothing widens the page past the screen (wide tables scroll in their own region).
      const width = await this.page.evaluate<number>('document.documentElement.scrollWidth');
      if (width > PHONE.width)
        throw new Error(`${name} is ${width} pixels wide at ${PHONE.width}: it overflows`);
      await this.screenshot(`${name}-phone`);
      await this.page.setViewportSize(DESKTOP);
      await this.settle();
    }
  }

  private async screenshot(name: string): Promise<void> {
    if (!WRITE_SCREENSHOTS) return;
    mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  /** Lets transitions (modals, drawers) finish before a check or a screenshot. */
  private async settle(): Promise<void> {
    await this.page.waitForLoadState('networkidle');
    await this.page.waitForTimeout(350);
  }

  async signIn(organisation: string, user: string, options: { ops?: boolean } = {}): Promise<void> {
    await this.page.goto('/console/');
    await this.page.getByLabel('Organisation').fill(organisation);
    await this.page.getByLabel('User').fill(user);
    if (options.ops) await this.page.getByLabel(/Operator/).check();
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await this.page.getByRole('heading', { name: 'Resource pools', level: 1 }).waitFor();
  }

  /** Follows a link of the navigation ("Sections"), as a person moves from one part of the console to another. */
  async goToSection(name: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name }).click();
  }

  /** Goes to a section and waits for its page, headed with the section's name. */
  async openSection(name: string): Promise<void> {
    await this.goToSection(name);
    await this.page.getByRole('heading', { name, level: 1 }).waitFor();
  }

  /**
   * Opens "New batch" and fills the batch's name and its pool (chosen from the list); answers the dialog, for
   * the test to fill more or save.
   */
  async newBatchDialog(name: string, pool: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'New batch' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New invitation batch' });
    await dialog.getByLabel('Batch name').fill(name);
    await dialog.getByRole('textbox', { name: 'Resource pool' }).click();
    await this.page.getByRole('option', { name: pool }).click();
    return dialog;
  }

  /**
   * A bulk action on everyone in a tab of a batch: the tab, "All: everyone in <tab>", the action's button;
   * answers the action's dialog.
   */
  async bulkActionOnTab(tab: string, button: string, dialog: string): Promise<Locator> {
    await this.page.getByRole('tab', { name: tab }).click();
    await this.page.getByLabel(`All: everyone in ${tab}`).check();
    await this.page.getByRole('button', { name: button }).click();
    return this.page.getByRole('dialog', { name: dialog });
  }

  /** From a section's list, opens the item (a pool, a batch) of that name and waits for its page. */
  async openFrom(section: string, name: string): Promise<void> {
    await this.goToSection(section);
    await this.page.getByRole('link', { name }).first().click();
    await this.page.getByRole('heading', { name, level: 1 }).waitFor();
  }

  /** From "Invite personnel", opens the batch of that name and waits for its page. */
  openBatch(name: string): Promise<void> {
    return this.openFrom('Invite personnel', name);
  }

  /**
   * "Add personnel" from a batch's page: the person's email and date of birth, then Next, which checks whether
   * they hold a passport already.
   */
  async beginAddingPerson(email: string, dateOfBirth: string): Promise<void> {
    await this.page.getByRole('link', { name: 'Add personnel' }).first().click();
    await this.page.getByLabel('Personal email').fill(email);
    await this.page.getByLabel('Date of birth').fill(dateOfBirth);
    await this.page.getByRole('button', { name: 'Next' }).click();
  }

  /** Chooses an item of a person's row menu ("Actions for <person>"). */
  async rowAction(person: string, item: string): Promise<void> {
    await this.page.getByRole('button', { name: `Actions for ${person}` }).click();
    await this.page.getByRole('menuitem', { name: item }).click();
  }

  /** Answers a confirmation dialog with its button. */
  async confirm(dialog: string, button: string): Promise<void> {
    await this.page.getByRole('dialog', { name: dialog }).getByRole('button', { name: button }).click();
  }

  /** The file the browser downloads when `click` runs: its suggested name and its lines (byte-order mark dropped). */
  async download(click: () => Promise<void>): Promise<{ name: string; lines: string[] }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), click()]);
    const text = await readFile(await download.path(), 'utf8');
    return {
      name: download.suggestedFilename(),
      lines: text
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split(/\r?\n/),
    };
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

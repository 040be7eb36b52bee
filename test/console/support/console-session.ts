import { Gateway } from '../../support/gateway-harness';
import { ensureConsoleBuilt } from './console-build';
import { ConsoleBrowser, type ConsolePage } from './console-browser';

type GatewayOptions = Parameters<typeof Gateway.start>[0];

export interface ConsoleSession {
  /** The gateway the console is served by, started for this test file. */
  readonly gateway: Gateway;
  /** The browser, for a second person's page (an invitee, another admin). */
  readonly browser: ConsoleBrowser;
  /** The admin's page, which the file's tests walk through in order. */
  readonly ui: ConsolePage;
}

/**
 * What every console test file sets up and tears down: the console built, a gateway started (with `gateway()`'s
 * settings), whatever the file needs already done through the API (`seed`), a browser and one page on the
 * console; after each test, no problem reported by that page. Call it at the top of a `describe`.
 */
export function consoleSession(
  setup: {
    gateway?: () => GatewayOptions;
    seed?: (gateway: Gateway) => Promise<void>;
  } = {},
): ConsoleSession {
  let gateway: Gateway | undefined;
  let browser: ConsoleBrowser | undefined;
  let ui: ConsolePage | undefined;

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the console session has no ${what}: its beforeAll failed`);
    return value;
  };

  beforeAll(async () => {
    ensureConsoleBuilt();
    gateway = await Gateway.start(setup.gateway?.());
    browser = await ConsoleBrowser.launch();
    await setup.seed?.(gateway);
    ui = await browser.open(gateway.url);
  }, 180_000);

  afterAll(async () => {
    await ui?.close();
    await browser?.close();
    await gateway?.stop();
  });

  afterEach(() => started(ui, 'page').expectNoProblems());

  return {
    get gateway() {
      return started(gateway, 'gateway');
    },
    get browser() {
      return started(browser, 'browser');
    },
    get ui() {
      return started(ui, 'page');
    },
  };
}

import type { Locator } from 'playwright-core';

const TIMEOUT_MS = 15_000;

/**
 * Assertions on what the page shows, retried until they hold or time out (as a person waits for a page to
 * answer): playwright-core has the browser automation without @playwright/test's assertions.
 */
export function see(locator: Locator, timeout = TIMEOUT_MS) {
  const poll = async (what: string, observe: () => Promise<unknown>, holds: (value: unknown) => boolean) => {
    const deadline = Date.now() + timeout;
    let last: unknown = '(nothing yet)';
    for (;;) {
      try {
        last = await observe();
        if (holds(last)) return;
      } catch (error) {
        last = error instanceof Error ? error.message.split('\n')[0] : error;
      }
      if (Date.now() > deadline)
        throw new Error(`Expected ${locator} ${what}; last saw: ${JSON.stringify(last)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const matches = (expected: string | RegExp, exact: boolean) => (value: unknown) =>
    typeof value === 'string' &&
    (typeof expected === 'string'
      ? exact
        ? value.trim() === expected
        : value.replace(/\s+/g, ' ').includes(expected)
      : expected.test(value));
  return {
    visible: () => locator.first().waitFor({ state: 'visible', timeout }),
    hidden: () =>
      poll(
        'to be hidden',
        () => locator.isVisible(),
        (visible) => visible === false,
      ),
    contains: (text: string | RegExp) =>
      poll(`to contain ${String(text)}`, () => locator.textContent(), matches(text, false)),
    hasText: (text: string | RegExp) =>
      poll(`to read ${String(text)}`, () => locator.textContent(), matches(text, true)),
    count: (n: number) =>
      poll(
        `to count ${n}`,
        () => locator.count(),
        (count) => count === n,
      ),
    value: (value: string) =>
      poll(
        `to hold ${value}`,
        () => locator.inputValue(),
        (v) => v === value,
      ),
  };
}

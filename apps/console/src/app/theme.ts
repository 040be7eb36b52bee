import { Anchor, createTheme, Drawer, Modal, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  // Shade 9 keeps white text on filled controls, and links on tinted alerts, above 4.5:1 (WCAG AA).
  primaryShade: { light: 9, dark: 6 },
  primaryColor: 'blue',
  focusRing: 'auto',
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
  components: {
    // Every close button says what it does to a screen reader.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    // A link in a sentence is told from the text around it by more than its colour.
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
  },
});

/** Text on tinted backgrounds: dark enough for 4.5:1 on each colour's light tint. */
const ON_TINT: Record<string, string> = {
  blue: '#124a80',
  green: '#1e6b30',
  red: '#a51d1d',
  orange: '#8a3c00',
  gray: '#343a40',
  yellow: '#6b5200',
};

/**
 * Secondary text, and the text of tinted ("light") controls such as the active navigation link and alerts,
 * darker than Mantine's defaults, which fall short of 4.5:1 on their backgrounds.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#545b62',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(
      Object.entries(ON_TINT).map(([c, text]) => [`--mantine-color-${c}-light-color`, text]),
    ),
  },
  dark: {},
});

/**
 * The nonce this page load was served with (the gateway puts it in a meta tag): the component library's
 * <style> elements carry it, the only styles the Content-Security-Policy allows beside the stylesheet files.
 */
export function styleNonce(): string {
  const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
  return nonce.startsWith('__') ? '' : nonce;
}

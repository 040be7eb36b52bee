import '@mantine/core/styles.css';
import '@mantine/dropzone/styles.css';
import './styles.css';
import { setNonce } from 'get-nonce';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { styleNonce } from './app/theme';
import { SILENT_RENEW_PATH, userManagerFor } from './auth/oidc';
import { loadSignInConfig } from './auth/sign-in-config';

if (window.location.pathname === SILENT_RENEW_PATH) {
  // The hidden frame of a silent renewal: hand the provider's answer to the console in the parent window.
  void loadSignInConfig().then((config) => {
    if (config.signIn === 'oidc')
      void userManagerFor(config.oidc).then((users) => users.signinSilentCallback());
  });
} else {
  // The scroll lock of modals and drawers writes a <style> element too: it carries the page's nonce.
  setNonce(styleNonce());
  createRoot(document.getElementById('root')!).render(<App />);
}

import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { ApiProblem } from '../api/api-problem';
import { SessionProvider } from '../auth/session';
import { SessionGate } from './SessionGate';
import { cssVariablesResolver, styleNonce, theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      // An answer the API gave on purpose (not found, forbidden, bad input) is not tried again.
      retry: (failures, error) =>
        failures < 2 && !(error instanceof ApiProblem && error.status !== undefined && error.status < 500),
      refetchOnWindowFocus: true,
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} getStyleNonce={styleNonce}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter basename="/console">
          <SessionProvider>
            <SessionGate />
          </SessionProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}

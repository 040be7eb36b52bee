import {
  Alert,
  Button,
  Checkbox,
  Container,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useLocation } from 'react-router';
import { asProblem, type ApiProblem } from '../api/api-problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { useSession } from './session';
import type { SignInConfig } from './sign-in-config';

/** Signing in: at the identity provider, with the development sign-in, or with a token pasted in. */
export function SignInPage({ config, notice }: { config: SignInConfig; notice: string | null }) {
  useEffect(() => {
    document.title = 'Sign in · Invitations console';
  }, []);
  return (
    <Container size={460} py={60}>
      <Title order={1} ta="center" size="h2">
        Invitations console
      </Title>
      <Text ta="center" c="dimmed" mb="lg">
        Invite personnel into your organisation&apos;s resource pools.
      </Text>
      <Paper withBorder shadow="sm" p="lg" radius="md" component="main">
        {notice && (
          <Alert color="blue" mb="md" role="status">
            {notice}
          </Alert>
        )}
        {config.signIn === 'oidc' && <ProviderSignIn issuer={config.oidc.issuer} />}
        {config.signIn === 'development' && <DevelopmentSignIn minutes={config.tokenMinutes} />}
        {config.signIn === 'token' && <TokenSignIn reason={config.reason} />}
      </Paper>
    </Container>
  );
}

function ProviderSignIn({ issuer }: { issuer: string }) {
  const { signInWithProvider } = useSession();
  const location = useLocation();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const host = new URL(issuer).host;
  return (
    <Stack>
      <Title order={2} size="h4">
        Sign in
      </Title>
      <Text size="sm">
        You sign in at your organisation&apos;s identity provider ({host}) and come back here.
      </Text>
      <ProblemAlert problem={problem} title="Sign-in failed" />
      <Button
        loading={pending}
        onClick={() => {
          setPending(true);
          setProblem(null);
          const returnTo =
            location.pathname === '/signed-in' ? '/pools' : location.pathname + location.search;
          signInWithProvider(returnTo).catch((error: unknown) => {
            setPending(false);
            setProblem(asProblem(error));
          });
        }}
      >
        Sign in with {host}
      </Button>
    </Stack>
  );
}

/** The development sign-in's fields: for whom the token it makes is (its org and sub claims). */
const DEVELOPMENT_FIELDS = [
  {
    field: 'organisation',
    label: 'Organisation',
    description: "The organisation's id (the token's org claim), e.g. acme",
    autoComplete: 'organization',
  },
  {
    field: 'user',
    label: 'User',
    description: "Who you are (the token's sub claim): recorded on every change you make",
    autoComplete: 'username',
  },
] as const;

function DevelopmentSignIn({ minutes }: { minutes: number }) {
  const { signInForDevelopment } = useSession();
  const [claims, setClaims] = useState({ organisation: '', user: '' });
  const [ops, setOps] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setProblem(null);
    signInForDevelopment(claims.organisation, claims.user, ops).catch((error: unknown) => {
      setPending(false);
      setProblem(asProblem(error));
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={2} size="h4">
          Development sign-in
        </Title>
        <Text size="sm">
          This gateway runs on its embedded defaults: name an organisation and a user, and it signs you in
          with a {minutes}-minute token (as <code>npm run token</code> makes). It is off in production, where
          you sign in at your identity provider.
        </Text>
        <ProblemAlert
          problem={problem}
          title="Sign-in failed"
          shownFields={DEVELOPMENT_FIELDS.map((f) => f.field)}
        />
        {DEVELOPMENT_FIELDS.map((f, index) => (
          <TextInput
            key={f.field}
            label={f.label}
            description={f.description}
            required
            value={claims[f.field]}
            onChange={(e) => setClaims({ ...claims, [f.field]: e.currentTarget.value })}
            error={problem?.forField(f.field)}
            autoComplete={f.autoComplete}
            data-autofocus={index === 0 || undefined}
          />
        ))}
        <Checkbox
          label="Operator: also open Operations (the ops role)"
          checked={ops}
          onChange={(e) => setOps(e.currentTarget.checked)}
        />
        <Button type="submit" loading={pending}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}

function TokenSignIn({ reason }: { reason: string }) {
  const { signInWithToken } = useSession();
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      signInWithToken(token);
    } catch (error) {
      setProblem(asProblem(error));
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={2} size="h4">
          Sign in with a token
        </Title>
        <Text size="sm">
          {reason} No identity provider is configured for the console (OIDC_ISSUER, OIDC_CLIENT_ID): paste an
          admin access token.
        </Text>
        <Textarea
          label="Access token"
          required
          autosize
          minRows={3}
          value={token}
          onChange={(e) => setToken(e.currentTarget.value)}
          error={problem?.message}
        />
        <Button type="submit">Sign in</Button>
      </Stack>
    </form>
  );
}

import { erasePerson, summaryOf, type ErasureSummary } from '@invitations/application';
import { newId } from '@invitations/kernel';
import { loadConfig } from '@invitations/runtime';
import { GatewayClient } from '../cli/gateway-client';
import { openProductionStores } from '../cli/stores';
import { chooseTarget, TARGET_OPTIONS, TARGET_USAGE } from '../cli/target';
import { UsageError } from '../cli/usage-error';
import { writeOut } from '../cli/stdout';
import type { Command } from './command';
import { commandOptions } from '../cli/options';

const usage = `npm run ops -- erase --email EMAIL [--url URL] [--token TOKEN]
  Erases a person (crypto-shredding): their Skills Passport and every invitee with that email, in every
  organisation. Their keys are destroyed, so every event that held their details reads [erased] from now on, in
  the log and in its backups; the erasure is recorded (no personal data in it) and the audit trail stays.
  Embedded stores: done by the running gateway (POST /ops/erasure). EventStoreDB + MongoDB: done here, on the stores.
  --email EMAIL  the person's email address
${TARGET_USAGE}`;

async function run(argv: string[]): Promise<void> {
  const values = commandOptions(argv, { ...TARGET_OPTIONS, email: { type: 'string' } });
  if (!values.email) throw new UsageError('--email is required');
  const email = values.email;
  const config = loadConfig();
  const target = chooseTarget(config, values);
  const summary =
    target.kind === 'gateway'
      ? await new GatewayClient(target.url, await target.token()).erase(email)
      : await eraseOnStores(config, email);
  await writeOut(`${describe(summary)}\n`);
}

async function eraseOnStores(config: ReturnType<typeof loadConfig>, email: string): Promise<ErasureSummary> {
  const stores = await openProductionStores(config);
  try {
    const id = newId();
    const erasure = await erasePerson(
      { store: stores.store, keys: stores.store.keys, invitees: stores.readModels.readModels.invitees },
      { organisationId: null, actor: 'ops', correlationId: id, commandId: id, now: new Date() },
      email,
    );
    return summaryOf(erasure);
  } finally {
    await stores.close();
  }
}

function describe(summary: ErasureSummary): string {
  const passport = summary.passportId
    ? `passport ${summary.passportId} erased`
    : 'no passport for this email';
  const invitees = summary.invitees.map(
    ({ inviteeId, organisationId, erasedAt }) =>
      `invitee ${inviteeId} of ${organisationId} erased at ${erasedAt}`,
  );
  return [passport, ...(invitees.length > 0 ? invitees : ['no invitee with this email'])].join('\n');
}

export const eraseCommand: Command = {
  summary: 'erase a person by email (their passport and every invitee), keeping the audit trail',
  usage,
  run,
};

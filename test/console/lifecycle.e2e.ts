import { type Gateway, tokenOf } from '../support/gateway-harness';
import * as op from '../support/operations';
import { consoleSession } from './support/console-session';
import { csvFile } from './support/csv-file';
import { see } from './support/see';

// The invitation's life after "sent", through the console: the organisation's name and invitation defaults, a
// batch's own terms, the Expired, Revoked and Declined tabs, bulk actions on a selection and on a whole tab, and
// each message's delivery status.

const ORG = 'riverside';
const DECLINE = `mutation($token: String!) { declineInvitation(token: $token) { inviteeId state } }`;
const EXPIRES_AT = `query($id: ID!) { invitee(id: $id) { expiresAt state } }`;

const people = [
  { email: 'ann.lee@example.com', dateOfBirth: '1990-01-01', firstName: 'Ann', lastName: 'Lee' },
  { email: 'ben.ng@example.com', dateOfBirth: '1991-02-02', firstName: 'Ben', lastName: 'Ng' },
  { email: 'cat.roe@example.com', dateOfBirth: '1992-03-03', firstName: 'Cat', lastName: 'Roe' },
  { email: 'dan.fox@example.com', dateOfBirth: '1993-04-04', firstName: 'Dan', lastName: 'Fox' },
];

describe('the console: invitations after they are sent, in a browser', () => {
  const ids: Record<string, string> = {};
  // A batch of four invited people, as admins and invitees leave it: Cat's invitation revoked, Dan declined.
  const seed = async (gateway: Gateway) => {
    const token = await gateway.token(ORG);
    const { batchId } = await gateway.poolAndBatch(token, 'Porters', 'Winter intake');
    for (const person of people) {
      const { stageInvitee } = await gateway.ok<{ stageInvitee: { id: string } }>(
        op.STAGE,
        { input: { batchId, ...person } },
        token,
      );
      ids[person.firstName] = stageInvitee.id;
    }
    await gateway.ok(op.SEND, { input: { batchId, all: true } }, token);
    await gateway.ok(op.REVOKE, { id: ids.Cat }, token);
    const dans = await gateway.waitForMessage((m) => m.to === 'dan.fox@example.com' && m.channel === 'email');
    await gateway.ok(DECLINE, { token: tokenOf(dans) });
  };
  const session = consoleSession({ seed });

  it("sets the organisation's name and invitation defaults; the header shows the name", async () => {
    const { ui, gateway } = session;
    const { page } = ui;
    await ui.signIn(ORG, 'rita');
    await ui.goToSection('Organisation');
    await page.getByLabel('Display name').fill('Riverside Hospital');
    await page.getByLabel('Invitations expire after (days)').fill('21');
    await page.getByLabel('Reminder (days before expiry)').fill('5');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await see(page.getByRole('status')).contains('Settings saved');
    await see(page.getByTestId('organisation')).contains('Riverside Hospital');
    await ui.capture('organisation-settings');
    const { organisation } = await gateway.ok<{
      organisation: { name: string; invitationTtlDays: number; reminderDaysBeforeExpiry: number };
    }>(`{ organisation { name invitationTtlDays reminderDaysBeforeExpiry } }`, {}, await gateway.token(ORG));
    expect(organisation).toEqual({
      name: 'Riverside Hospital',
      invitationTtlDays: 21,
      reminderDaysBeforeExpiry: 5,
    });
  });

  it('shows every tab with its count, and the delivery status of each invitation', async () => {
    const { ui } = session;
    const { page } = ui;
    await ui.openBatch('Winter intake');
    await see(page.getByRole('tab', { name: 'Invited (2)' })).visible();
    await see(page.getByRole('tab', { name: 'Expired (0)' })).visible();
    await see(page.getByRole('tab', { name: 'Revoked (1)' })).visible();
    await see(page.getByRole('tab', { name: 'Declined (1)' })).visible();
    await page.getByRole('tab', { name: 'Invited (2)' }).click();
    await see(page.getByRole('columnheader', { name: 'Delivery' })).visible();
    // Every message of the outbox notifier is written at once: QUEUED until a provider says more.
    await see(page.getByRole('row', { name: /Ann Lee/ })).contains('Queued');

    await page.getByRole('tab', { name: 'Declined (1)' }).click();
    await see(page.getByRole('row', { name: /Dan Fox/ })).contains('Declined');
    await ui.capture('batch-declined');
  });

  it('extends every invitation of the Invited tab at once, then reminds one selected person', async () => {
    const { ui, gateway } = session;
    const { page } = ui;
    const token = await gateway.token(ORG);
    const before = await gateway.ok<{ invitee: { expiresAt: string } }>(EXPIRES_AT, { id: ids.Ben }, token);
    const extend = await ui.bulkActionOnTab('Invited (2)', 'Extend (2)', 'Extend invitations');
    await see(extend.getByTestId('bulk-count')).hasText(
      'You are about to extend the invitations of everyone in Invited (2).',
    );
    await extend.getByLabel('Days to add').fill('10');
    await ui.capture('bulk-extend');
    await extend.getByRole('button', { name: 'Extend' }).click();
    await see(page.getByRole('status').first()).contains('2 people given more time.');
    const after = await gateway.ok<{ invitee: { expiresAt: string } }>(EXPIRES_AT, { id: ids.Ben }, token);
    expect(Date.parse(after.invitee.expiresAt) - Date.parse(before.invitee.expiresAt)).toBe(10 * 86_400_000);

    await page.getByLabel('Select Ann Lee').check();
    await page.getByRole('button', { name: 'Remind (1)' }).click();
    const remind = page.getByRole('dialog', { name: 'Send a reminder' });
    await see(remind.getByTestId('bulk-count')).hasText('You are about to remind 1 person.');
    await remind.getByLabel('Message (optional)').fill('Please accept before the rota closes.');
    await remind.getByRole('button', { name: 'Remind' }).click();
    await see(page.getByRole('status').first()).contains('1 person reminded.');
    const reminder = await gateway.waitForMessage(
      (m) => m.to === 'ann.lee@example.com' && m.kind === 'reminder' && m.channel === 'email',
    );
    expect(reminder.body).toContain('Please accept before the rota closes.');
  });

  it('resends to everyone in Revoked: they move back to Invited with a new link', async () => {
    const { ui, gateway } = session;
    const { page } = ui;
    const resend = await ui.bulkActionOnTab('Revoked (1)', 'Resend (1)', 'Resend invitations');
    await see(resend.getByTestId('bulk-count')).hasText(
      'You are about to resend invitations to everyone in Revoked (1).',
    );
    await resend.getByRole('button', { name: 'Resend' }).click();
    await see(page.getByRole('status').first()).contains('1 person sent a new invitation.');
    await see(page.getByRole('tab', { name: 'Revoked (0)' })).visible();
    await see(page.getByRole('tab', { name: 'Invited (3)' })).visible();
    const { invitee } = await gateway.ok<{ invitee: { state: string } }>(
      EXPIRES_AT,
      { id: ids.Cat },
      await gateway.token(ORG),
    );
    expect(invitee.state).toBe('INVITED');
  });

  it('creates a batch with its own invitation terms', async () => {
    const { ui, gateway } = session;
    const { page } = ui;
    await ui.goToSection('Invite personnel');
    const dialog = await ui.newBatchDialog('Spring intake', 'Porters');
    await dialog.getByLabel('Invitations expire after (days)').fill('30');
    await dialog.getByLabel('Reminder (days before expiry)').fill('0');
    await ui.capture('batch-new-with-terms');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Spring intake', level: 1 }).waitFor();
    const { resourcePools } = await gateway.ok<{
      resourcePools: {
        batches: { name: string; invitationTtlDays: number; reminderDaysBeforeExpiry: number | null }[];
      }[];
    }>(
      `{ resourcePools { batches { name invitationTtlDays reminderDaysBeforeExpiry } } }`,
      {},
      await gateway.token(ORG),
    );
    const spring = resourcePools.flatMap((p) => p.batches).find((b) => b.name === 'Spring intake');
    expect(spring).toEqual({ name: 'Spring intake', invitationTtlDays: 30, reminderDaysBeforeExpiry: null });
  });

  it('renames the pool and lists its members: search, then remove one (their passport stays)', async () => {
    const { ui, gateway } = session;
    const { page } = ui;
    const anns = await gateway.waitForMessage(
      (m) => m.to === 'ann.lee@example.com' && m.kind === 'invitation' && m.channel === 'email',
    );
    await gateway.ok(op.ACCEPT, { token: tokenOf(anns) });
    await ui.openFrom('Resource pools', 'Porters');
    await page.getByRole('button', { name: 'Rename' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename the pool' });
    await rename.getByLabel('Name').fill('Porters and drivers');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('heading', { name: 'Porters and drivers', level: 1 }).waitFor();

    await see(page.getByRole('row', { name: /Ann Lee/ })).contains('ann.lee@example.com');
    await page.getByLabel('Search members').fill('nobody-by-this-name');
    await see(page.getByText('Nobody matches')).visible();
    await page.getByLabel('Search members').fill('');
    await ui.capture('pool-members');
    await page.getByRole('button', { name: 'Remove Ann Lee from the pool' }).click();
    await ui.confirm('Remove from the pool', 'Remove');
    await see(page.getByRole('status').first()).contains('Ann Lee was removed from the pool.');
    await see(page.getByText('No members yet')).visible();
    const { resourcePools } = await gateway.ok<{ resourcePools: { name: string; memberCount: number }[] }>(
      `{ resourcePools { name memberCount } }`,
      {},
      await gateway.token(ORG),
    );
    expect(resourcePools).toEqual([{ name: 'Porters and drivers', memberCount: 0 }]);
  });

  it('uploads a file over the in-request limit: the batch page follows the confirmation to its end', async () => {
    const { ui } = session;
    const { page } = ui;
    const rows = Array.from(
      { length: 1_200 },
      (_, n) => `bulk-${n}@example.com,1990-01-01,Bulk${n % 97},,Person${n % 89},,,Porter`,
    );
    await ui.openBatch('Spring intake');
    await page.getByRole('link', { name: 'Upload personnel' }).first().click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('input[type=file]').setInputFiles(csvFile('spring.csv', rows));
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByRole('button', { name: 'Upload records only' }).click();
    await see(page.getByTestId('upload-confirm-count')).hasText('You are about to upload 1,200 records.');
    await page.getByRole('button', { name: 'Yes, upload' }).click();
    await see(page.getByRole('status').first()).contains(
      'Started uploading 1,200 people: the tabs fill as it goes.',
    );
    await see(page.getByTestId('confirmation-progress')).contains('Upload finished: 1,200 staged.');
    await see(page.getByRole('tab', { name: 'Uploaded (1,200)' })).visible();
  });

  it("erases a person's personal data from their history drawer, after a confirmation", async () => {
    const { ui, gateway } = session;
    const { page } = ui;
    await ui.openBatch('Winter intake');
    await page.getByRole('tab', { name: /^Invited/ }).click();
    await ui.rowAction('Ben Ng', 'History');
    const drawer = page.getByRole('dialog', { name: 'Person and history' });
    await see(drawer.getByText('ben.ng@example.com')).visible();
    await drawer.getByRole('button', { name: 'Erase personal data' }).click();
    const confirm = page.getByRole('dialog', { name: "Erase this person's personal data?" });
    await see(confirm.getByText('This cannot be undone.')).visible();
    await ui.capture('erase-confirmation');
    await confirm.getByRole('button', { name: 'Erase for good' }).click();
    await see(drawer.getByText('Personal data erased')).visible();
    await see(drawer.getByText('Invitee erased')).visible();
    await see(drawer.getByRole('button', { name: 'Erase personal data' })).hidden();
    await ui.expectAccessible('the drawer of an erased person');

    const { invitee } = await gateway.ok<{ invitee: { email: string; erased: boolean; state: string } }>(
      `query($id: ID!) { invitee(id: $id) { email erased state } }`,
      { id: ids.Ben },
      await gateway.token(ORG),
    );
    expect(invitee).toEqual({ email: '[erased]', erased: true, state: 'REVOKED' });
  });
});

import { consoleSession } from './support/console-session';
import { csvFile } from './support/csv-file';
import { acceptLinkOn, acceptedThroughApi } from './support/seeded-people';
import { see } from './support/see';

// MyPass, "Invite Personnel to a Resource Pool" (shared/seeds/000_...), stages 1 and 2, walked through the console
// in a real browser against a real gateway: each step of the article is a step here, in order.

describe('the console: MyPass stages 1 and 2 in a browser', () => {
  const session = consoleSession({
    // People who already hold a Skills Passport: Jordan and Kim through another organisation; Sam is also a
    // member of acme's Scaffolders pool (inviting Sam anywhere in acme accepts at once).
    seed: async (gateway) => {
      await acceptedThroughApi(gateway, 'elsewhere', 'Their pool', [
        { email: 'jordan.lee@example.com', dateOfBirth: '1985-06-01', firstName: 'Jordan', lastName: 'Lee' },
        { email: 'kim.park@example.com', dateOfBirth: '1990-01-01', firstName: 'Kim', lastName: 'Park' },
      ]);
      await acceptedThroughApi(gateway, 'acme', 'Scaffolders', [
        { email: 'sam.taylor@example.com', dateOfBirth: '1979-02-02', firstName: 'Sam', lastName: 'Taylor' },
      ]);
    },
  });
  let batchPath: string;

  it('signs in with the development sign-in and shows the pools, with the organisation in the header', async () => {
    const { ui } = session;
    const { page } = ui;
    await page.goto('/console/');
    await page.getByRole('heading', { name: 'Development sign-in' }).waitFor();
    await ui.capture('sign-in', { phone: true });
    await ui.signIn('acme', 'alice');
    await see(page.getByTestId('organisation')).hasText(/acme/);
    const scaffolders = page.getByRole('row', { name: /Scaffolders/ });
    await see(scaffolders.getByRole('cell').nth(1)).hasText('1');
  });

  it('creates a resource pool', async () => {
    const { ui } = session;
    const { page } = ui;
    await page.getByRole('button', { name: 'New pool' }).click();
    const dialog = page.getByRole('dialog', { name: 'New resource pool' });
    await dialog.getByRole('button', { name: 'Create pool' }).click();
    // The contract's field error, beside the field.
    await see(dialog.getByText(/name/i).first()).visible();
    await dialog.getByLabel('Name').fill('Riggers');
    await dialog.getByRole('button', { name: 'Create pool' }).click();
    await see(page.getByRole('status')).contains('Pool Riggers created');
    await see(page.getByRole('row', { name: /Riggers/ })).visible();
    await ui.capture('pools', { phone: true });
  });

  it('stage 1, steps 1-5: Invite personnel, "+", names the batch and chooses its pool', async () => {
    const { ui } = session;
    const { page } = ui;
    await ui.openSection('Invite personnel');
    const dialog = await ui.newBatchDialog('March intake', 'Riggers');
    await ui.capture('create-batch');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'March intake', level: 1 }).waitFor();
    batchPath = new URL(page.url()).pathname;
    expect(batchPath).toMatch(/^\/console\/batches\/[0-9a-f-]{36}$/);
    await see(page.getByRole('tab', { name: 'Uploaded (0)' })).visible();
    await see(page.getByText('Nobody uploaded yet')).visible();
    await ui.capture('batch-empty');
  });

  it('stage 1, steps 6-10: adds a person without a Skills Passport, names as on an identity document', async () => {
    const { ui } = session;
    const { page } = ui;
    await ui.beginAddingPerson('alex.nguyen@example.com', '1991-03-14');
    await see(page.getByText('No Skills Passport yet')).visible();
    // Next without the names: the contract's field errors show beside the fields.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Yes, create' }).click();
    await see(page.getByText('First and last names are required')).visible();
    await page.getByLabel('First name').fill('Alexander');
    await page.getByLabel('Middle names').fill('Minh Quang');
    await page.getByLabel('Last name').fill('Nguyen');
    await page.getByLabel('Preferred name').fill('Alex');
    await ui.capture('add-person-details', { phone: true });
    await page.getByRole('button', { name: 'Next' }).click();
    await see(page.getByRole('row', { name: /Middle names Minh Quang/ })).visible();
    await ui.capture('add-person-review');
    await page.getByRole('button', { name: 'Yes, create' }).click();
    // Stage 2, step 1: back in the batch, in Uploaded, with the person shown.
    await see(page.getByRole('status')).contains('Alex Nguyen added to Uploaded (New)');
    expect(new URL(page.url()).pathname).toBe(batchPath);
    await see(page.getByRole('row', { name: /Alex Nguyen/ })).contains('New');
    await see(page.getByRole('tab', { name: 'Uploaded (1)' })).visible();
  });

  it('stage 1, step 8: a person with a Skills Passport joins with it', async () => {
    const { ui } = session;
    const { page } = ui;
    await ui.beginAddingPerson('jordan.lee@example.com', '1985-06-01');
    await see(page.getByText('This person has a Skills Passport')).visible();
    await see(page.getByLabel('First name')).count(0);
    await ui.capture('add-person-passport');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Yes, create' }).click();
    await see(page.getByRole('status')).contains('added to Uploaded (Existing');
    await see(page.getByRole('row', { name: /jordan\.lee@example\.com/ })).contains('Existing');
  });

  it('stage 2, steps 5-7: uploads the template with an invalid row and duplicates, and sees each status', async () => {
    const { ui } = session;
    const { page } = ui;
    await page.getByRole('link', { name: 'Upload personnel' }).first().click();
    await page.getByRole('button', { name: 'Continue' }).click();
    const file = csvFile(
      'march.csv',
      [
        'priya.shah@example.com,1993-07-21,Priya,,Shah,,+61412000001,Rigger',
        'kim.park@example.com,1990-01-01,Kim,,Parker,,,Rigger', // a passport exists; the last name differs
        'priya.shah@example.com,1993-07-21,Priya,,Shah,,+61412000002,Rigger', // the email again
        'sam.taylor@example.com,02/02/1979,Sam,,Taylor,,,Rigger', // already a member of Scaffolders
        'alex.nguyen@example.com,1991-03-14,Alexander,,Nguyen,,,', // already in this batch
      ],
      '\r\n',
    );
    await page.locator('input[type=file]').setInputFiles(file);
    await see(page.getByText('march.csv')).visible();
    await ui.capture('upload-file');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByRole('heading', { name: '5 records in the file' }).waitFor();
    await see(page.getByText('Duplicated accounts identified')).visible();
    const duplicates = page.getByRole('table', { name: 'Duplicates' });
    await see(duplicates.getByRole('row', { name: /^4 priya\.shah/ })).contains('Email repeated in the file');
    await see(duplicates.getByRole('row', { name: /^6 alex\.nguyen/ })).contains('Already staged');
    await ui.capture('upload-preview', { phone: true });
    await page.getByRole('button', { name: 'Upload records only' }).click();
    await see(page.getByTestId('upload-confirm-count')).hasText('You are about to upload 3 records.');
    await page.getByRole('button', { name: 'Yes, upload' }).click();
    await see(page.getByRole('status')).contains('3 people uploaded, 2 duplicates skipped');
    await see(page.getByRole('tab', { name: 'Uploaded (5)' })).visible();
    await see(page.getByRole('row', { name: /kim\.park@example\.com/ })).contains('✗ Invalid');
    await see(page.getByRole('row', { name: /kim\.park@example\.com/ })).contains('last name');
    await see(page.getByRole('row', { name: /sam\.taylor@example\.com/ })).contains('✓ Existing');
    await ui.capture('batch-uploaded', { phone: true });
  });

  it('stage 2, step 8: corrects the invalid record, naming the field that differs but never its value', async () => {
    const { ui } = session;
    const { page } = ui;
    await page.getByRole('button', { name: 'Kim Parker', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Correct details' });
    await see(dialog).contains('these details differ: last name');
    await see(dialog.getByLabel('Last name')).value('Parker');
    await ui.capture('correct-invitee');
    await dialog.getByLabel('Last name').fill('Park');
    await dialog.getByRole('button', { name: 'Update' }).click();
    await see(page.getByRole('status')).contains(
      'Kim Park corrected: matches their Skills Passport (Existing)',
    );
    await see(page.getByRole('row', { name: /kim\.park@example\.com/ })).contains('✓ Existing');
  });

  it('stage 2, steps 2-4 and 9-11: All, Invite, the count confirmed, a message; members of other pools accepted at once', async () => {
    const { ui } = session;
    const { page } = ui;
    await page.getByRole('checkbox', { name: /^All: every invitable person/ }).check();
    await page.getByRole('button', { name: 'Invite (5)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite personnel' });
    await see(dialog.getByTestId('invite-count')).hasText('You are about to invite 5 people.');
    await dialog
      .getByLabel('Message (optional)')
      .fill('Welcome to the Riggers pool: induction is on Monday.');
    await ui.capture('invite', { phone: true });
    await dialog.getByRole('button', { name: 'Invite' }).click();
    await see(page.getByRole('status')).contains(
      '4 people invited, 1 person already in another of your pools accepted at once',
    );
    await see(page.getByRole('tab', { name: 'Invited (4)' })).visible();
    await see(page.getByRole('tab', { name: 'Accepted (1)' })).visible();
    await see(page.getByRole('tab', { name: 'Uploaded (0)' })).visible();
  });

  it('the invitee accepts through the link in their email; the Accepted tab and the counts follow', async () => {
    const { ui, gateway, browser } = session;
    const { page } = ui;
    const email = await gateway.waitForMessage(
      (m) => m.to === 'alex.nguyen@example.com' && m.channel === 'email',
    );
    expect(email.body).toContain('Welcome to the Riggers pool: induction is on Monday.');
    if (!email.acceptUrl) throw new Error('the invitation email carries no accept link');
    const invitee = await browser.open(gateway.url);
    await invitee.page.goto(acceptLinkOn(gateway, email.acceptUrl));
    await see(invitee.page.getByText('to join the resource pool Riggers')).visible();
    await invitee.capture('accept-page');
    await invitee.page.getByRole('button', { name: 'Accept' }).click();
    await see(invitee.page.getByRole('heading', { name: 'Welcome' })).visible();
    invitee.expectNoProblems();
    await invitee.close();

    await page.reload();
    await see(page.getByRole('tab', { name: 'Accepted (2)' })).visible();
    await see(page.getByRole('tab', { name: 'Invited (3)' })).visible();
    await page.getByRole('tab', { name: 'Accepted (2)' }).click();
    await see(page.getByRole('row', { name: /Alex Nguyen/ })).contains('Accepted');
    await see(page.getByRole('row', { name: /Sam Taylor/ })).contains('Accepted (auto)');
    expect(new URL(page.url()).search).toBe('?tab=accepted');
    await ui.capture('batch-accepted', { phone: true });

    await ui.goToSection('Invite personnel');
    const row = page.getByRole('row', { name: /March intake/ });
    await see(row.getByRole('cell').nth(2)).hasText('0'); // uploaded
    await see(row.getByRole('cell').nth(3)).hasText('3'); // invited
    await see(row.getByRole('cell').nth(4)).hasText('2'); // accepted
    await ui.capture('invite-personnel', { phone: true });
    await page.getByRole('link', { name: 'March intake' }).click();
  });

  it('shows a person’s history with who did what, and the person as they stood at an earlier instant', async () => {
    const { ui } = session;
    const { page } = ui;
    await page.getByRole('tab', { name: /Accepted/ }).click();
    await ui.rowAction('Alex Nguyen', 'History');
    const drawer = page.getByRole('dialog', { name: 'Person and history' });
    await see(drawer.getByText('Invitee staged')).visible();
    await see(drawer.getByText('Invitation sent')).visible();
    await see(drawer.getByText('Invitation accepted')).visible();
    await see(drawer.getByText('by alice').first()).visible();
    await see(drawer.getByRole('row', { name: /State/ })).contains('Accepted');
    await ui.capture('history');
    await drawer.getByRole('button', { name: 'Show as of this change' }).first().click();
    await see(drawer.getByRole('status')).contains('As it stood at');
    await see(drawer.getByRole('row', { name: /State/ })).contains('Uploaded');
    await see(drawer.getByText('Invitation accepted')).count(0);
    await page.keyboard.press('Escape');
    await see(drawer).hidden();
    expect(new URL(page.url()).search).not.toContain('person=');
  });

  it('resends and revokes from a row, and searches a tab', async () => {
    const { ui, gateway } = session;
    const { page } = ui;
    await page.getByRole('tab', { name: /Invited/ }).click();
    await page.getByLabel('Search').fill('priya');
    await see(page.getByRole('row')).count(2); // the header and Priya
    await ui.rowAction('Priya Shah', 'Resend invitation');
    await ui.confirm('Resend invitation', 'Resend');
    await see(page.getByRole('status')).contains('Invitation resent to Priya Shah.');
    await gateway.waitForMessage((m) => m.to === 'priya.shah@example.com' && m.channel === 'email', 2);

    await page.getByLabel('Search').fill('');
    await ui.rowAction('Kim Park', 'Revoke invitation');
    await ui.confirm('Revoke invitation', 'Revoke');
    await see(page.getByRole('status')).contains('Invitation revoked for Kim Park.');
    await see(page.getByRole('tab', { name: 'Invited (2)' })).visible();
    await page.getByLabel('Search').fill('nobody-by-this-name');
    await see(page.getByText('Nobody matches')).visible();
  });

  it('keeps ids, never emails, in its URLs, and signs out', async () => {
    const { ui } = session;
    const { page } = ui;
    const visited = page.url();
    expect(visited).not.toMatch(/@|example\.com/);
    await page.getByRole('button', { name: /Signed in as alice/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await see(page.getByText('You have signed out.')).visible();
    await see(page.getByRole('heading', { name: 'Development sign-in' })).visible();
  });
});

import { acceptedThroughApi } from './support/seeded-people';
import { consoleSession } from './support/console-session';
import { CSV_HEADER, csvFile } from './support/csv-file';
import { see } from './support/see';

// NHS Digital Staff Passport, "Inviting staff members to sign up" (shared/seeds/002_...): the single passport by
// form with its review step, and the bulk CSV upload with its cohort, its error table and its duplicates report,
// walked through the console in a real browser; then the operator's page.

describe('the console: the DSP single and bulk flows in a browser', () => {
  const session = consoleSession({
    // Someone of another trust holds a passport with this mobile: another email with it is a duplicate.
    seed: (gateway) =>
      acceptedThroughApi(gateway, 'another-trust', 'Their staff', [
        {
          email: 'chris.evans@example.com',
          dateOfBirth: '1980-10-10',
          firstName: 'Chris',
          lastName: 'Evans',
          mobile: '+61412999999',
        },
      ]),
  });

  it('signs in as an operator and makes a pool and a batch from the pool’s page', async () => {
    const { ui } = session;
    const { page } = ui;
    await ui.signIn('nhs-trust', 'hannah', { ops: true });
    await see(page.getByText('No resource pools yet')).visible();
    await ui.capture('pools-empty');
    await page.getByRole('button', { name: 'Create a resource pool' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Foundation doctors');
    await page.getByRole('button', { name: 'Create pool' }).click();
    await page.getByRole('status').getByRole('link', { name: 'Foundation doctors' }).click();
    await page.getByRole('heading', { name: 'Foundation doctors', level: 1 }).waitFor();
    await see(page.getByText('No batches in this pool yet')).visible();
    await ui.capture('pool', { phone: true });
    await page.getByRole('button', { name: 'New batch' }).click();
    const dialog = page.getByRole('dialog', { name: 'New invitation batch' });
    await see(dialog.getByRole('textbox', { name: 'Resource pool' })).value('Foundation doctors');
    await dialog.getByLabel('Batch name').fill('August rotation');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'August rotation', level: 1 }).waitFor();
  });

  it('a single passport using a form: the details, the review, "Yes, create", then an email and a text', async () => {
    const { ui, gateway } = session;
    const { page } = ui;
    await ui.beginAddingPerson('alice.haigh@example.com', '1995-04-12');
    await page.getByLabel('First name').fill('Alice');
    await page.getByLabel('Last name').fill('Haigh');
    await page.getByLabel('Mobile (optional)').fill('0412 345 678');
    await page.getByLabel('Job role (optional)').fill('Foundation doctor');
    await page.getByRole('button', { name: 'Next' }).click();
    await see(page.getByRole('row', { name: /Job role/ })).contains('Foundation doctor');
    await see(page.getByRole('row', { name: /Mobile/ })).contains('0412 345 678');
    // "There is also the option to go back if the details are incorrect."
    await page.getByRole('button', { name: 'Go back' }).click();
    await see(page.getByLabel('Job role (optional)')).value('Foundation doctor');
    await page.getByRole('button', { name: 'Next' }).click();
    await ui.capture('dsp-review', { phone: true });
    await page.getByRole('button', { name: 'Yes, create' }).click();
    await see(page.getByRole('status')).contains('Alice Haigh added to Uploaded (New)');

    await ui.rowAction('Alice Haigh', 'Send invitation');
    const dialog = page.getByRole('dialog', { name: 'Send invitation' });
    await see(dialog.getByTestId('invite-count')).hasText('You are about to invite Alice.');
    await dialog.getByRole('button', { name: 'Invite' }).click();
    await see(page.getByRole('status')).contains('1 person invited.');
    await see(page.getByRole('tab', { name: 'Invited (1)' })).visible();
    const email = await gateway.waitForMessage(
      (m) => m.to === 'alice.haigh@example.com' && m.channel === 'email',
    );
    const sms = await gateway.waitForMessage((m) => m.to === '+61412345678' && m.channel === 'sms');
    expect(sms.acceptUrl).toBe(email.acceptUrl);
  });

  it('a bulk upload: the cohort, the template, a file with format errors refused whole with every error', async () => {
    const { ui } = session;
    const { page } = ui;
    await page.getByRole('link', { name: 'Upload personnel' }).first().click();
    await page.getByRole('textbox', { name: 'Staff type' }).click();
    await page.getByRole('option', { name: 'Doctors in training' }).click();
    await page.getByLabel('Job role').fill('Foundation doctor');
    await page.getByLabel('Start date').fill('2026-08-05');
    await ui.capture('upload-cohort');
    await page.getByRole('button', { name: 'Continue' }).click();

    const template = await ui.download(() =>
      page.getByRole('link', { name: 'Download the template' }).click(),
    );
    expect(template.lines[0]).toBe(CSV_HEADER);

    await page
      .locator('input[type=file]')
      .setInputFiles(
        csvFile('rotation.csv', [
          'not-an-email,1990-01-01,Ann,,Lee,,,',
          'bob@example.com,1990-02-30,Bob,,Ray,,,',
          'cat@example.com,1991-01-01,Cat,,,,,',
        ]),
      );
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await see(page.getByText('Nothing was staged: the file has errors')).visible();
    const errors = page.getByRole('table', { name: 'Errors in the file' });
    await see(errors.getByRole('row', { name: /^2 email/ })).contains('not a valid email');
    await see(errors.getByRole('row', { name: /^3 date_of_birth|^3 dateOfBirth/ })).contains('real date');
    await see(errors.getByRole('row', { name: /^4 / })).contains('last');
    await ui.capture('upload-errors', { phone: true });
    // The browser logs the refused upload's 422 as a failed resource: expected here.
    ui.expectNoProblems([/status of 422/]);
  });

  it('a bulk upload with duplicates by email and by phone: the report, then upload and send invitations', async () => {
    const { ui, gateway } = session;
    const { page } = ui;
    await page.locator('input[type=file]').setInputFiles(
      csvFile('rotation-fixed.csv', [
        'raj.patel@example.com,1994-09-09,Raj,,Patel,,+61412000101,',
        'mei.wong@example.com,1996-01-15,Mei,,Wong,,+61412000101,', // the same mobile again
        'alice.haigh@example.com,1995-04-12,Alice,,Haigh,,,', // already invited into this pool
        'tom.jones@example.com,1993-03-03,Tom,,Jones,,+61412999999,', // another person's passport has it
        'ella.brown@example.com,1992-12-12,Ella,,Brown,,,',
      ]),
    );
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByRole('heading', { name: '5 records in the file' }).waitFor();
    await see(page.getByText('Cohort: Doctors in training · Foundation doctor · 2026-08-05')).visible();
    await see(page.getByText('Duplicated accounts identified')).visible();
    const report = await ui.download(() =>
      page.getByRole('button', { name: 'Download the duplicates report' }).click(),
    );
    expect(report.name).toMatch(/^duplicates-.+\.csv$/);
    const { lines } = report;
    expect(lines[0]).toBe('row,email,mobile,reasons,first_name,last_name,repeats_row,possible_duplicate');
    expect(lines.slice(1).join('\n')).toMatch(/^3,mei\.wong@example\.com,.*MOBILE_REPEATED_IN_FILE/m);
    expect(lines.slice(1).join('\n')).toMatch(/^4,alice\.haigh@example\.com,.*ALREADY_IN_POOL/m);
    expect(lines.slice(1).join('\n')).toMatch(
      /^5,tom\.jones@example\.com,.*MOBILE_BELONGS_TO_OTHER_PASSPORT/m,
    );
    await ui.capture('upload-duplicates', { phone: true });

    await page.getByRole('button', { name: 'Upload records and send invitations' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upload and send invitations' });
    await see(dialog.getByTestId('upload-confirm-count')).hasText(
      'You are about to upload 2 records and invite 2 people.',
    );
    await dialog.getByLabel('Message (optional)').fill('Welcome to the August rotation.');
    await dialog.getByRole('button', { name: 'Yes, upload and invite' }).click();
    await see(page.getByRole('status')).contains(
      '2 people uploaded, 3 duplicates skipped, 2 people invited.',
    );
    await see(page.getByRole('tab', { name: 'Invited (3)' })).visible();
    await see(page.getByRole('row', { name: /Raj Patel/ })).contains('Invited');
    const email = await gateway.waitForMessage(
      (m) => m.to === 'ella.brown@example.com' && m.channel === 'email',
    );
    expect(email.body).toContain('Welcome to the August rotation.');
    await ui.capture('batch-invited', { phone: true });
  });

  it('shows the operator the projections and rebuilds the read models with their progress', async () => {
    const { ui } = session;
    const { page } = ui;
    await ui.openSection('Operations');
    await see(page.getByRole('row', { name: /^invitees / })).visible();
    await ui.capture('operations');
    await page.getByRole('button', { name: 'Rebuild the read models' }).click();
    await ui.confirm('Rebuild the read models', 'Rebuild');
    await see(page.getByRole('status')).contains(/Rebuilt .*invitees.* from \d+ events/);
  });

  it('shows the organisation and who is signed in', async () => {
    const { ui } = session;
    const { page } = ui;
    await ui.goToSection('Organisation');
    await see(page.getByRole('row', { name: /^Organisation/ })).contains('nhs-trust');
    await see(page.getByRole('row', { name: /^Roles/ })).contains('org-admin, ops');
    await ui.capture('organisation');
  });

  it('hides Operations from an admin without the ops role', async () => {
    const { gateway, browser } = session;
    const admin = await browser.open(gateway.url);
    await admin.signIn('nhs-trust', 'olga');
    await see(
      admin.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Operations' }),
    ).count(0);
    await admin.page.goto('/console/ops');
    await see(admin.page.getByRole('heading', { name: 'Not found', level: 1 })).visible();
    await admin.capture('not-found');
    admin.expectNoProblems();
    await admin.close();
  });

  it('works from the keyboard, with the focus always visible', async () => {
    const { gateway, browser } = session;
    const person = await browser.open(gateway.url);
    const { page } = person;
    const focused = () =>
      page.evaluate<{ label: string; outline: string }>(
        `({ label: (document.activeElement.getAttribute('aria-label') || document.activeElement.textContent || '').trim(),
            outline: getComputedStyle(document.activeElement).outlineStyle })`,
      );
    await page.goto('/console/');
    await page.getByLabel('Organisation').focus();
    await page.keyboard.type('nhs-trust');
    await page.keyboard.press('Tab');
    await page.keyboard.type('kim');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Resource pools', level: 1 }).waitFor();

    // The first Tab reaches "Skip to content", shown when focused; it takes the focus past the navigation.
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({
      label: 'Skip to content',
      outline: expect.not.stringMatching(/^none$/),
    });
    await see(page.getByRole('link', { name: 'Skip to content' })).visible();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect((await focused()).label).toBe('New pool');
    expect((await focused()).outline).not.toBe('none');

    // A row's menu opens, moves and closes with the keys; the drawer closes with Escape.
    await page.getByRole('link', { name: 'Foundation doctors' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'August rotation' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: /Invited/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Actions for Alice Haigh' }).focus();
    await page.keyboard.press('Enter');
    await see(page.getByRole('menuitem', { name: 'History' })).visible();
    for (let i = 0; i < 5 && (await focused()).label !== 'History'; i++)
      await page.keyboard.press('ArrowDown');
    expect((await focused()).label).toBe('History');
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: 'Person and history' });
    await see(drawer.getByText('Invitation sent')).visible();
    await page.keyboard.press('Escape');
    await see(drawer).hidden();
    person.expectNoProblems();
    await person.close();
  });
});

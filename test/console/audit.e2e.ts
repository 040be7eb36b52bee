import * as op from '../support/operations';
import { consoleSession } from './support/console-session';
import { see } from './support/see';

// The organisation's audit log in the console: filtered, paged, a person's log opened from their history, the CSV;
// another organisation's changes never shown.

const ORG = 'harbour';

describe('the console: the audit log, in a browser', () => {
  let batchId: string;
  let otherBatchId: string;
  const ids: string[] = [];
  const session = consoleSession({
    seed: async (gateway) => {
      const token = await gateway.token(ORG, 'alice', ['org-admin'], 'Alice Admin');
      ({ batchId } = await gateway.poolAndBatch(token, 'Deckhands', 'Summer crew'));
      // 120 people staged: more than one page of the log (100 entries a page).
      for (let i = 0; i < 120; i += 1) {
        const { stageInvitee } = await gateway.ok<{ stageInvitee: { id: string } }>(
          op.STAGE,
          {
            input: {
              batchId,
              email: `crew${i}@example.com`,
              dateOfBirth: '1990-01-01',
              firstName: 'Crew',
              lastName: `Member${i}`,
            },
          },
          token,
        );
        ids.push(stageInvitee.id);
      }
      await gateway.ok(op.SEND, { input: { batchId, inviteeIds: ids.slice(0, 2), all: false } }, token);
      // Another organisation's changes, which the harbour's admins must never see.
      const other = await gateway.token('elsewhere', 'eve', ['org-admin'], 'Eve Elsewhere');
      ({ batchId: otherBatchId } = await gateway.poolAndBatch(other, 'Secret pool', 'Secret batch'));
    },
  });

  it('lists every change of the organisation, oldest first, a page at a time, and only its own', async () => {
    const { ui } = session;
    const { page } = ui;
    await ui.signIn(ORG, 'rita');
    await ui.openSection('Audit log');
    const rows = page.getByRole('region', { name: 'Audit log entries' }).getByRole('row');
    await see(page.getByRole('status')).contains('100 entries shown; there are more.');
    await see(rows.nth(1)).contains('Resource pool created');
    await see(rows.nth(1)).contains('Alice Admin');
    await ui.capture('audit-log');
    // Page after page, to the end of the log.
    for (let shown = 100; await page.getByRole('button', { name: 'Load more' }).isVisible();) {
      await page.getByRole('button', { name: 'Load more' }).click();
      shown += 100;
      await see(page.getByRole('status')).contains(
        new RegExp(`^(${shown} entries shown|\\d+ entries shown\\.)`),
      );
    }
    await see(page.getByRole('status')).contains(/entries shown\.$/);
    expect(await page.getByRole('cell', { name: 'Invitation sent' }).count()).toBe(2);
    expect(await page.getByRole('cell', { name: 'Invitee staged' }).count()).toBe(120);
    expect(await page.getByText('Eve Elsewhere').count()).toBe(0);
  });

  it('filters by what happened and by batch; the CSV has the same rows', async () => {
    const { ui } = session;
    const { page } = ui;
    await page.getByRole('textbox', { name: 'What happened' }).click();
    await page.getByRole('option', { name: 'Invitation sent' }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('Batch id').fill(batchId);
    await page.getByRole('button', { name: 'Apply filter' }).click();
    await see(page.getByRole('status')).contains('2 entries shown.');
    expect(page.url()).toContain('types=InvitationSent');

    const { lines: csv } = await ui.download(() =>
      page.getByRole('button', { name: 'Download CSV' }).click(),
    );
    expect(csv[0]).toBe('position,at,type,actor,actor_name,pool_id,batch_id,invitee_id,data');
    expect(csv.slice(1).map((line) => line.split(',')[2])).toEqual(['InvitationSent', 'InvitationSent']);
    expect(csv.slice(1).every((line) => line.includes(batchId))).toBe(true);

    await page.getByLabel('Batch id').fill(otherBatchId);
    await page.getByRole('button', { name: 'Apply filter' }).click();
    await see(page.getByRole('heading', { name: 'Nothing recorded' })).visible();
    await page.getByRole('button', { name: 'Clear' }).click();
    expect(await page.getByLabel('Batch id').inputValue()).toBe('');
    await see(page.getByRole('status')).contains(/^\d+ entries shown/);
    expect(page.url()).not.toContain('types=');
  });

  it("opens one person's log from their history", async () => {
    const { ui } = session;
    const { page } = ui;
    await page.goto(`/console/batches/${batchId}?person=${ids[0]}`);
    const drawer = page.getByRole('dialog', { name: 'Person and history' });
    await drawer.getByRole('link', { name: 'In the audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    await see(page.getByRole('status')).contains(/entries shown\.$/);
    expect(await page.getByLabel('Person (invitee id)').inputValue()).toBe(ids[0]);
    await see(page.getByRole('cell', { name: 'Invitee staged' })).visible();
    await see(page.getByRole('cell', { name: 'Invitation sent' })).visible();
    expect(await page.getByRole('cell', { name: 'Invitee staged' }).count()).toBe(1);
    await ui.expectAccessible('a person’s audit log');
  });
});

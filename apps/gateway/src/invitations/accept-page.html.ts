import type { InvitationPreview } from '@invitations/application';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}button{font-size:1.1rem;padding:.6rem 1.4rem}button.decline{font-size:.9rem;padding:.3rem .8rem}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export function invitationPage(preview: InvitationPreview, token: string): string {
  const hello = preview.firstName ? `Hello ${escapeHtml(preview.firstName)},` : 'Hello,';
  const by = preview.organisationName ? `${escapeHtml(preview.organisationName)} invites` : 'You are invited';
  return layout(
    `Invitation to ${preview.poolName}`,
    `<h1>Invitation</h1>
<p>${hello}</p>
<p>${by} you to join the resource pool <strong>${escapeHtml(preview.poolName)}</strong>.</p>
<p>This invitation expires on ${escapeHtml(preview.expiresAt.slice(0, 10))}.</p>
<form method="post" action="/invitations/accept">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit">Accept</button>
</form>
<form method="post" action="/invitations/decline">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<p>Not for you? <button type="submit" class="decline">Decline</button></p>
</form>`,
  );
}

export function acceptedPage(poolName: string): string {
  return layout(
    'Invitation accepted',
    `<h1>Welcome</h1>\n<p>You have joined <strong>${escapeHtml(poolName)}</strong>.</p>`,
  );
}

export function declinedPage(): string {
  return layout(
    'Invitation declined',
    `<h1>Invitation declined</h1>\n<p>You have declined the invitation. The link no longer works; nothing more will be sent for it.</p>`,
  );
}

export function messagePage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

import { Textarea } from '@mantine/core';

/** The optional message sent with invitations, reminders and resends (the contract allows 2,000 characters). */
export function MessageInput({
  description,
  minRows = 3,
  value,
  onChange,
}: {
  description: string;
  minRows?: number;
  value: string;
  onChange: (message: string) => void;
}) {
  return (
    <Textarea
      label="Message (optional)"
      description={description}
      autosize
      minRows={minRows}
      maxLength={2000}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

import { Button, type ButtonProps, Group } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The row that ends every form and confirmation: a plain button that backs out, then the one that acts. Without
 * `onAct` the acting button submits its form (so Enter works in the form's inputs).
 */
export function FormButtons({
  onCancel,
  cancel = 'Cancel',
  act,
  onAct,
  loading,
  disabled,
  color,
}: {
  onCancel: () => void;
  cancel?: ReactNode;
  act: ReactNode;
  onAct?: () => void;
  loading: boolean;
  disabled?: boolean;
  color?: ButtonProps['color'];
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {cancel}
      </Button>
      <Button
        type={onAct ? 'button' : 'submit'}
        color={color}
        loading={loading}
        disabled={disabled}
        onClick={onAct}
      >
        {act}
      </Button>
    </Group>
  );
}

import { type ButtonProps, Modal, type ModalProps, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { FormButtons } from './FormButtons';

/**
 * A modal that holds one form: its fields (and the problem the API gave) in a stack, then Cancel and the button
 * that submits. Without children
 * (what the form works on is not there yet) the modal is empty.
 */
export function FormModal({
  opened,
  onClose,
  onCancel = onClose,
  title,
  size,
  onSubmit,
  act,
  loading,
  disabled,
  color,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  /** What Cancel does, when it differs from closing the modal. */
  onCancel?: () => void;
  title: ReactNode;
  size?: ModalProps['size'];
  onSubmit: () => void;
  act: ReactNode;
  loading: boolean;
  disabled?: boolean;
  color?: ButtonProps['color'];
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size}>
      {Boolean(children) && (
        <form onSubmit={submit} noValidate>
          <Stack>
            {children}
            <FormButtons onCancel={onCancel} act={act} loading={loading} disabled={disabled} color={color} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}

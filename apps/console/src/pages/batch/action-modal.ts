/**
 * What each of the batch page's action modals (invite, bulk actions, one person's resend, revoke or remove) is
 * given: the batch, whom the action is for (null while the modal is closed), and what to do on Cancel and once done.
 */
export interface ActionModalProps<Target, Outcome = string> {
  batchId: string;
  target: Target | null;
  onClose: () => void;
  onDone: (outcome: Outcome) => void;
}

/**
 * The `FormModal` props every action modal takes from its target and its mutation: open while there is a target,
 * submitting runs the action on it; closing the modal forgets the last attempt's problem (Cancel keeps it).
 */
export function actionFormProps<Target>(
  target: Target | null,
  action: { mutate: (target: Target) => void; reset: () => void; isPending: boolean },
  onClose: () => void,
) {
  return {
    opened: target !== null,
    onClose: () => {
      action.reset();
      onClose();
    },
    onCancel: onClose,
    onSubmit: () => {
      if (target) action.mutate(target);
    },
    loading: action.isPending,
  };
}

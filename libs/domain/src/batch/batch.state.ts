export type BatchState =
  | { status: 'absent' }
  | {
      status: 'created';
      batchId: string;
      poolId: string;
      organisationId: string;
      name: string;
      createdAt: string;
      invitationTtlDays: number | null;
      reminderDaysBeforeExpiry: number | null;
    };

import type { CommandContext } from '@invitations/kernel';

/** What a mutation's command answers: the id it wrote to; the handler has waited for the read models to include it. */
export interface Written {
  id: string;
}
export type { CommandContext };

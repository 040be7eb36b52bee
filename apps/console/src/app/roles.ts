/** The role that opens the Operations page (the gateway's /ops routes need it too). */
export const OPS_ROLE = 'ops';

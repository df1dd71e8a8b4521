/** 危急值 status colours, shared by the panel, the list and the timeline */
export const STATUS_COLOR: Readonly<Record<string, string>> = {
  pending_check: 'orange',
  notified: 'red',
  acknowledged: 'gold',
  acted: 'blue',
  documented: 'green',
  withdrawn: 'default',
};

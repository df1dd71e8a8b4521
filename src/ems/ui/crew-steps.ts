/**
 * The crew's one big button: the next status step of a mission, following the vehicle rules
 * (src/ems/ems.states.ts on the server). Steps still waiting in the outbox count as done, so
 * after 出车 offline the button already says 到达现场.
 */
import { CREW_STEPS, MISSION_STATUSES, type CrewStep, type MissionStatus } from '../ems.states.ts';

export { MISSION_STATUSES };
export type { MissionStatus };
export const STEP_ACTIONS = CREW_STEPS;
export type StepAction = CrewStep;

/** the main line: 出车 → 到达现场 → 离开现场 → 到达医院 → 任务完成 */
const NEXT: Record<MissionStatus, StepAction | null> = {
  dispatched: 'depart',
  en_route: 'arrive_scene',
  on_scene: 'leave_scene',
  to_hospital: 'arrive_hospital',
  at_hospital: 'clear',
  completed: null,
  cancelled: null,
};

/** Where each step leads (both lines: on_scene -clear-> completed when no one is transported). */
const RESULT: Record<StepAction, Partial<Record<MissionStatus, MissionStatus>>> = {
  depart: { dispatched: 'en_route' },
  arrive_scene: { en_route: 'on_scene' },
  leave_scene: { on_scene: 'to_hospital' },
  arrive_hospital: { to_hospital: 'at_hospital' },
  clear: { at_hospital: 'completed', on_scene: 'completed' },
  stand_down: { dispatched: 'cancelled', en_route: 'cancelled' },
};

export function isStepAction(s: string): s is StepAction {
  return (STEP_ACTIONS as readonly string[]).includes(s);
}

/** The status after the given steps (unknown or impossible steps are skipped, as the server would refuse them). */
export function statusAfter(status: MissionStatus, steps: readonly string[]): MissionStatus {
  let s = status;
  for (const step of steps) {
    if (!isStepAction(step)) continue;
    s = RESULT[step][s] ?? s;
  }
  return s;
}

export function nextStep(status: MissionStatus): StepAction | null {
  return NEXT[status];
}

/** The side way out of a status, shown small under the big button: finish on scene (no transport). */
export function sideStep(status: MissionStatus): StepAction | null {
  return status === 'on_scene' ? 'clear' : null;
}

import { describeWalk, WALK_ROLES } from './walk.ts';

/** The newcomer walk, first half of the demo accounts, and the walk's two single checks. */
describeWalk(WALK_ROLES.first, true);

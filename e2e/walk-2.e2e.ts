import { describeWalk, WALK_ROLES } from './walk.ts';

/** The newcomer walk, second half of the demo accounts. */
describeWalk(WALK_ROLES.second, false);

import 'server-only';
import {
  checkMembershipRegion,
  kommunOfAction,
  kommunOfCurrentPlan,
  kommunOfGroup,
  kommunOfReview,
  listAllMemberships,
  listMembershipRegions,
  removeMembership,
  setMembership,
} from '../auth/memberships';
import { withServerDb } from './door';

export const getAllMemberships = withServerDb(listAllMemberships);
export const getMembershipRegions = withServerDb(listMembershipRegions);
export const saveMembership = withServerDb(setMembership);
export const assertMembershipRegion = withServerDb(checkMembershipRegion);
export const deleteMembership = withServerDb(removeMembership);

// The kommun each write touches, from the database: see lib/auth/memberships.ts.
export const getKommunOfCurrentPlan = withServerDb(kommunOfCurrentPlan);
export const getKommunOfAction = withServerDb(kommunOfAction);
export const getKommunOfReview = withServerDb(kommunOfReview);
export const getKommunOfGroup = withServerDb(kommunOfGroup);

import 'server-only';
import { auditCsv, listAudit, writeAudit, type AuditFilter } from '../audit';
import { createFirstAdmin, firstAdminOpen } from '../auth/first-admin';
import { countActiveAdmins, findUser, inviteUser, unlockSignIn } from '../auth/users';
import { withServerDb } from './door';
import { loadUserIdByEmail, loadUserList } from './users-query';

export const getUserList = withServerDb(loadUserList);
export const getUserIdByEmail = withServerDb(loadUserIdByEmail);
export const getUser = withServerDb(findUser);
export const getActiveAdminCount = withServerDb(countActiveAdmins);
export const saveSignInUnlock = withServerDb(unlockSignIn);
export const saveInvitation = withServerDb(inviteUser);
export const saveAuditEntry = withServerDb(writeAudit);
export const getAuditLog = withServerDb((db, filter: AuditFilter) => listAudit(db, filter));
export const getAuditCsv = withServerDb(auditCsv);
export const getFirstAdminOpen = withServerDb(firstAdminOpen);
export const saveFirstAdmin = withServerDb(createFirstAdmin);

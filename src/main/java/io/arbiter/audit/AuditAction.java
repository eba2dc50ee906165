package io.arbiter.audit;

public enum AuditAction {
    VIEW, LIST, CHANGE, CREATE, DOWNLOAD, IMPORT, EXPORT, LOGIN,
    // sign-in and session events (docs/security.md)
    LOGIN_FAILED, LOCKOUT, UNLOCK, LOGOUT, REVOKE
}

package io.arbiter.audit;

public enum AuditAction {
    VIEW, LIST, CHANGE, CREATE, DOWNLOAD, IMPORT, EXPORT, LOGIN
}

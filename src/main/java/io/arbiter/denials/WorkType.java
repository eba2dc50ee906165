package io.arbiter.denials;

/** What the denial needs: an appeal, a corrected claim (modifier/bundling, §6.5), or nothing (not appealable). */
public enum WorkType {
    APPEAL, CORRECTED_CLAIM, NONE
}

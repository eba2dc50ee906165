package io.arbiter.denials;

/** DENIED: the line paid nothing; REDUCED: paid in part with a denial reason on the rest. */
public enum DenialKind {
    DENIED, REDUCED
}

package io.arbiter.cases;

/** What a fee paid on a case was for: the federal administrative fee, the IDR entity's or arbitrator's fee, a filing fee. */
public enum FeeKind {
    ADMIN, IDRE, ARBITRATOR, FILING, OTHER
}

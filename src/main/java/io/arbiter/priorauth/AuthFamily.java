package io.arbiter.priorauth;

/** Procedure families that prior-authorization requirements are written for (pain-coding-and-denials.md §4). */
public enum AuthFamily {
    ESI, FACET_MBB, RFA, SCS_TRIAL, SCS_PERMANENT, INTRATHECAL_PUMP
}

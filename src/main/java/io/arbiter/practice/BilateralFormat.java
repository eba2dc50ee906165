package io.arbiter.practice;

/**
 * How a payer wants a bilateral service reported (pain-coding-and-denials.md §2.2, variants A–E):
 * one line with modifier 50 and 1 unit (Medicare, variant A), one line 50 with 2 units (B),
 * two lines RT and LT (C), one line with RT/LT modifiers and 2 units (D), or payer-specific (E).
 */
public enum BilateralFormat { MODIFIER_50, MODIFIER_50_TWO_UNITS, RT_LT_TWO_LINES, RT_LT_ONE_LINE, PAYER_SPECIFIC }

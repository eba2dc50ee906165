-- Issue 14: claim.payment_date / payment_trace are the INITIAL payment or denial (the clock's trigger of
-- 42 U.S.C. 300gg-111(c)(1)(A)), no longer the latest remittance: the earliest original (non-reversal) remittance
-- with a payment date, cancelled or not (claims.RemittanceLedger.initial; ties by arrival order). Claims without
-- such a remittance keep their values.
UPDATE claim SET
    payment_trace = (SELECT r.payment_trace FROM remittance r WHERE r.claim_id = claim.id AND r.reversal = FALSE
                     AND r.payment_date IS NOT NULL ORDER BY r.payment_date, r.id LIMIT 1),
    payment_date = (SELECT MIN(r.payment_date) FROM remittance r WHERE r.claim_id = claim.id AND r.reversal = FALSE
                    AND r.payment_date IS NOT NULL)
WHERE EXISTS (SELECT 1 FROM remittance r WHERE r.claim_id = claim.id AND r.reversal = FALSE AND r.payment_date IS NOT NULL);

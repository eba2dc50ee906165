-- Their content now lives on remittance (V13, moved by V14); cancelled remittances keep theirs, so the
-- history table of V10 is no longer needed either.
DROP TABLE cancelled_remittance_detail;
DROP TABLE remark_code;
DROP TABLE adjustment;

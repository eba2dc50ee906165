-- No query looks remark codes up by code (they are read by claim, line or remittance); the index only
-- cost every imported remark code one more B-tree insert.
DROP INDEX ix_rarc_code ON remark_code;

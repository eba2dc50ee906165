-- Practice-scoped access (issue 15). A user reaches the records of the practices assigned to them, or of every
-- practice when all_practices is set (administrators, a billing company's own staff). Existing users keep what
-- they had: every practice.
ALTER TABLE app_user ADD COLUMN all_practices BOOLEAN NOT NULL DEFAULT TRUE;

CREATE TABLE user_practice (
    user_id BIGINT NOT NULL,
    practice_id BIGINT NOT NULL,
    PRIMARY KEY (user_id, practice_id),
    CONSTRAINT fk_user_practice_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_practice_practice FOREIGN KEY (practice_id) REFERENCES practice (id)
);
CREATE INDEX ix_user_practice_practice ON user_practice (practice_id);

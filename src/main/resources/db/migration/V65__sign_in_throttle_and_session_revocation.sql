-- Server-side revocation: every access token carries the generation it was issued under; sign-out,
-- disabling a user, a role change and a password change raise it, and a token of an older generation
-- is refused on the next request (checked on every request, on every instance).
ALTER TABLE app_user ADD COLUMN session_generation BIGINT NOT NULL DEFAULT 0;

-- Sign-in throttling, durable so it holds across restarts and instances. One row per throttled key:
-- 'user:<username>' or 'address:<client address>'.
CREATE TABLE sign_in_throttle (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    throttle_key VARCHAR(200) NOT NULL,
    failures INT NOT NULL,
    last_failure_at DATETIME NOT NULL,
    locked_until DATETIME
);
CREATE UNIQUE INDEX uq_sign_in_throttle_key ON sign_in_throttle (throttle_key);

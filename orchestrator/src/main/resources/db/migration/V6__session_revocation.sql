-- Logging out ends every session of the user: login tokens issued before this instant are refused, so a token
-- copied out of a browser stops working when its owner logs out (it would otherwise live until it expires).
ALTER TABLE app_user ADD COLUMN sessions_valid_after timestamptz;

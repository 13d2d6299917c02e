-- Usernames are unique case-insensitively (`Ada` and `ada` cannot both exist). Accounts that
-- already clash are listed instead of failing on an anonymous duplicate-key error: rename or
-- merge them (pnpm admin, or SQL), then run the migration again.
DO $$
DECLARE
  clashes text;
BEGIN
  SELECT string_agg(spellings, '; ' ORDER BY spellings) INTO clashes
  FROM (
    SELECT string_agg(format('%s (id %s)', username, id), ', ' ORDER BY id) AS spellings
    FROM "users"
    GROUP BY lower(username)
    HAVING count(*) > 1
  ) AS groups;
  IF clashes IS NOT NULL THEN
    RAISE EXCEPTION 'Usernames that differ only in case must be renamed before they can be unique case-insensitively: %', clashes
      USING HINT = 'Rename all but one account of each group, then migrate again.';
  END IF;
END
$$;

-- CreateIndex
CREATE UNIQUE INDEX "users_username_lower_key" ON "users" (lower("username"));

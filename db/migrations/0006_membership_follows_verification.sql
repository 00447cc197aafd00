-- Membership follows verification (docs/decisions/016): being a resident is having a verified claim,
-- so memberships keep only granted roles. A resident row with a verified claim behind it loses nothing
-- (the claim is what counts); one without (a pending, rejected or withdrawn claim) granted what it never should have.
DELETE FROM "memberships" WHERE "role" = 'resident';--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_granted_roles_only" CHECK ("memberships"."role" <> 'resident');

-- Replicas split scheduled work with transaction-scoped PostgreSQL advisory locks
-- (pg_try_advisory_xact_lock; docs/ARCHITECTURE.md §5), not ShedLock: its table was never used.
DROP TABLE IF EXISTS shedlock;

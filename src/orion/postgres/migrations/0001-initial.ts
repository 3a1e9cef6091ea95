/**
 * Migration 1: the Orion tables. Runs with `search_path` set to the store's schema, so
 * names are unqualified. Never edit a shipped migration: add the next one.
 */
export const INITIAL_SCHEMA = `
CREATE TABLE flow_run (
  id text PRIMARY KEY,
  created_seq bigint GENERATED ALWAYS AS IDENTITY,
  state_id text,
  state_type text,
  state_name text,
  state_timestamp timestamptz,
  run_count integer NOT NULL DEFAULT 0,
  start_time timestamptz,
  end_time timestamptz,
  total_run_time double precision NOT NULL DEFAULT 0,
  expected_start_time timestamptz,
  next_scheduled_start_time timestamptz,
  tags text[] NOT NULL DEFAULT '{}',
  deployment_id text,
  parent_task_run_id text,
  empirical_policy jsonb NOT NULL
);

CREATE TABLE task_run (
  id text PRIMARY KEY,
  created_seq bigint GENERATED ALWAYS AS IDENTITY,
  flow_run_id text NOT NULL REFERENCES flow_run (id),
  state_id text,
  state_type text,
  state_name text,
  state_timestamp timestamptz,
  run_count integer NOT NULL DEFAULT 0,
  start_time timestamptz,
  end_time timestamptz,
  total_run_time double precision NOT NULL DEFAULT 0,
  expected_start_time timestamptz,
  next_scheduled_start_time timestamptz,
  tags text[] NOT NULL DEFAULT '{}',
  flow_run_run_count integer NOT NULL DEFAULT 0,
  cache_key text,
  cache_expiration timestamptz,
  empirical_policy jsonb NOT NULL
);
CREATE INDEX task_run_flow_run_id ON task_run (flow_run_id, created_seq);

CREATE TABLE artifact (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_kind text NOT NULL CHECK (run_kind IN ('flow', 'task')),
  run_id text NOT NULL,
  data jsonb NOT NULL
);

CREATE TABLE flow_run_state (
  id text PRIMARY KEY,
  created_seq bigint GENERATED ALWAYS AS IDENTITY,
  flow_run_id text NOT NULL REFERENCES flow_run (id),
  type text NOT NULL,
  name text NOT NULL,
  timestamp timestamptz NOT NULL,
  message text,
  state_details jsonb NOT NULL,
  result_artifact_id bigint REFERENCES artifact (id)
);
CREATE INDEX flow_run_state_flow_run_id ON flow_run_state (flow_run_id, created_seq);

CREATE TABLE task_run_state (
  id text PRIMARY KEY,
  created_seq bigint GENERATED ALWAYS AS IDENTITY,
  task_run_id text NOT NULL REFERENCES task_run (id),
  type text NOT NULL,
  name text NOT NULL,
  timestamp timestamptz NOT NULL,
  message text,
  state_details jsonb NOT NULL,
  result_artifact_id bigint REFERENCES artifact (id)
);
CREATE INDEX task_run_state_task_run_id ON task_run_state (task_run_id, created_seq);

CREATE TABLE task_run_state_cache (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  cache_key text NOT NULL,
  cache_expiration timestamptz,
  task_run_state_id text NOT NULL,
  created timestamptz NOT NULL
);
CREATE INDEX task_run_state_cache_lookup ON task_run_state_cache (cache_key, created DESC, id DESC);

CREATE TABLE concurrency_limit (
  tag text COLLATE "C" PRIMARY KEY,
  concurrency_limit integer NOT NULL CHECK (concurrency_limit >= 0),
  active_slots text[] NOT NULL DEFAULT '{}'
);
`;

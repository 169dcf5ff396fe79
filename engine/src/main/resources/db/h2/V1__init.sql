CREATE TABLE state_machine (
  arn VARCHAR(512) PRIMARY KEY,
  name VARCHAR(80) NOT NULL,
  machine_type VARCHAR(16) NOT NULL,
  latest_version INT NOT NULL,
  created_millis BIGINT NOT NULL
);

-- Versions outlive their state machine: running executions still need their definition.
CREATE TABLE state_machine_version (
  arn VARCHAR(512) NOT NULL,
  version INT NOT NULL,
  name VARCHAR(80) NOT NULL,
  machine_type VARCHAR(16) NOT NULL,
  created_millis BIGINT NOT NULL,
  definition CHARACTER LARGE OBJECT NOT NULL,
  role_arn VARCHAR(2048),
  version_millis BIGINT NOT NULL,
  PRIMARY KEY (arn, version)
);

CREATE TABLE execution (
  arn VARCHAR(1024) PRIMARY KEY,
  state_machine_arn VARCHAR(512) NOT NULL,
  state_machine_name VARCHAR(80) NOT NULL,
  state_machine_version INT NOT NULL,
  name VARCHAR(80) NOT NULL,
  role_arn VARCHAR(2048),
  status VARCHAR(16) NOT NULL,
  input VARCHAR NOT NULL,
  output VARCHAR,
  error VARCHAR(256),
  cause VARCHAR,
  start_millis BIGINT NOT NULL,
  stop_millis BIGINT NOT NULL,
  seed BIGINT NOT NULL,
  redrive_count INT NOT NULL,
  input_events INT NOT NULL,
  history_events BIGINT NOT NULL,
  CONSTRAINT execution_name UNIQUE (state_machine_arn, name)
);
CREATE INDEX execution_by_status ON execution (status);
CREATE INDEX execution_by_machine ON execution (state_machine_arn, start_millis);

CREATE TABLE input_event (
  execution_arn VARCHAR(1024) NOT NULL,
  seq INT NOT NULL,
  body VARCHAR NOT NULL,
  PRIMARY KEY (execution_arn, seq)
);

CREATE TABLE history_event (
  execution_arn VARCHAR(1024) NOT NULL,
  id BIGINT NOT NULL,
  previous_id BIGINT NOT NULL,
  ts_millis BIGINT NOT NULL,
  event_type VARCHAR(64) NOT NULL,
  details VARCHAR,
  PRIMARY KEY (execution_arn, id)
);

CREATE TABLE timer (
  execution_arn VARCHAR(1024) NOT NULL,
  timer_id BIGINT NOT NULL,
  kind VARCHAR(16) NOT NULL,
  due_millis BIGINT NOT NULL,
  PRIMARY KEY (execution_arn, kind, timer_id)
);
CREATE INDEX timer_by_due ON timer (due_millis);

CREATE TABLE task (
  execution_arn VARCHAR(1024) NOT NULL,
  task_id BIGINT NOT NULL,
  token VARCHAR(256),
  state_name VARCHAR(80) NOT NULL,
  resource VARCHAR(2048),
  input VARCHAR NOT NULL,
  timeout_seconds BIGINT,
  heartbeat_seconds BIGINT,
  credentials VARCHAR,
  started BOOLEAN NOT NULL,
  PRIMARY KEY (execution_arn, task_id),
  CONSTRAINT task_token UNIQUE (token)
);

CREATE TABLE activity (
  arn VARCHAR(512) PRIMARY KEY,
  name VARCHAR(80) NOT NULL,
  created_millis BIGINT NOT NULL
);

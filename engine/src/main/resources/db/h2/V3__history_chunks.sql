-- History moves to one row per run of consecutive events (usually one step's), as a JSON array:
-- on H2 each row costs two B-tree inserts and its pages at commit, and a step writes tens to
-- thousands of events. Events already stored become chunks of one event each.
CREATE TABLE history_chunk (
  execution_arn VARCHAR(1024) NOT NULL,
  first_id BIGINT NOT NULL,
  last_id BIGINT NOT NULL,
  events VARCHAR NOT NULL,
  PRIMARY KEY (execution_arn, first_id)
);

INSERT INTO history_chunk (execution_arn, first_id, last_id, events)
SELECT execution_arn, id, id, CAST(JSON_ARRAY(JSON_OBJECT(
    'id': id, 'previousEventId': previous_id, 'timestamp': ts_millis, 'type': event_type,
    'details': details FORMAT JSON)) AS VARCHAR)
FROM history_event;

DROP TABLE history_event;

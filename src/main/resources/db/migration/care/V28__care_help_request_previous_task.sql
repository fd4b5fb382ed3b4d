-- The volunteer task a request had before it went back to the queue (declined): when staff hand that same task to
-- another volunteer on the volunteer pages, the request follows it instead of waiting in the queue.
alter table care_help_request add column previous_task_id uuid;
create index care_help_request_previous_task_idx on care_help_request (previous_task_id);

package dev.statecraft.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.engine.api.StatesApiException;
import dev.statecraft.engine.api.StatesService;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.store.ActivityRecord;
import dev.statecraft.engine.store.Page;

/**
 * The AWS operations on task tokens and activities: SendTask{Success,Failure,Heartbeat},
 * {Create,Describe,Delete,List}Activity/Activities and GetActivityTask — the last one a long
 * poll answered from a future, never from a worker thread held for its wait.
 */
final class TaskActions {
  private final StatesService service;

  TaskActions(StatesService service) {
    this.service = service;
  }

  void registerAll(AwsJsonProtocol aws) {
    aws.register("SendTaskSuccess", StatesActions.guarded(this::sendTaskSuccess))
        .register("SendTaskFailure", StatesActions.guarded(this::sendTaskFailure))
        .register("SendTaskHeartbeat", StatesActions.guarded(this::sendTaskHeartbeat))
        .register("CreateActivity", StatesActions.guarded(this::createActivity))
        .register("DescribeActivity", StatesActions.guarded(this::describeActivity))
        .register("DeleteActivity", StatesActions.guarded(this::deleteActivity))
        .register("ListActivities", StatesActions.guarded(this::listActivities))
        .registerAsync("GetActivityTask", this::getActivityTask);
  }

  JsonNode sendTaskSuccess(JsonNode r) {
    service.sendTaskSuccess(ApiJson.required(r, "taskToken"), ApiJson.required(r, "output"));
    return Json.object();
  }

  JsonNode sendTaskFailure(JsonNode r) {
    service.sendTaskFailure(ApiJson.required(r, "taskToken"), ApiJson.optional(r, "error"),
        ApiJson.optional(r, "cause"));
    return Json.object();
  }

  JsonNode sendTaskHeartbeat(JsonNode r) {
    service.sendTaskHeartbeat(ApiJson.required(r, "taskToken"));
    return Json.object();
  }

  JsonNode createActivity(JsonNode r) {
    ActivityRecord a = service.createActivity(ApiJson.required(r, "name"));
    ObjectNode out = Json.object();
    out.put("activityArn", a.arn());
    out.put("creationDate", ApiJson.seconds(a.createdMillis()));
    return out;
  }

  JsonNode describeActivity(JsonNode r) {
    return activity(service.describeActivity(ApiJson.required(r, "activityArn")));
  }

  JsonNode deleteActivity(JsonNode r) {
    service.deleteActivity(ApiJson.required(r, "activityArn"));
    return Json.object();
  }

  JsonNode listActivities(JsonNode r) {
    Page<ActivityRecord> page = service.listActivities(ApiJson.optional(r, "nextToken"),
        r.has("maxResults") ? r.get("maxResults").asInt() : null);
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("activities");
    page.items().forEach(a -> items.add(activity(a)));
    if (page.nextToken() != null) {
      out.put("nextToken", page.nextToken());
    }
    return out;
  }

  /** Answers {@code {"taskToken", "input"}}, or {@code {}} when no task came in time. */
  java.util.concurrent.CompletionStage<JsonNode> getActivityTask(JsonNode r) {
    try {
      return service.getActivityTask(ApiJson.required(r, "activityArn"),
          ApiJson.optional(r, "workerName")).thenApply(t -> {
            ObjectNode out = Json.object();
            t.ifPresent(task -> out.put("taskToken", task.taskToken())
                .put("input", task.input()));
            return out;
          });
    } catch (StatesApiException e) {
      throw ApiJson.error(e);
    }
  }

  static ObjectNode activity(ActivityRecord a) {
    ObjectNode n = Json.object();
    n.put("activityArn", a.arn());
    n.put("name", a.name());
    n.put("creationDate", ApiJson.seconds(a.createdMillis()));
    return n;
  }
}

package dev.statecraft.engine.runtime;

import dev.statecraft.asl.model.StateMachine;
import dev.statecraft.engine.core.Event;
import dev.statecraft.engine.core.ExecutionState;
import dev.statecraft.engine.store.ExecutionRecord;
import dev.statecraft.engine.store.TimerRecord;
import java.util.ArrayDeque;

/**
 * One execution's mailbox. Events for an execution are applied one at a time, in arrival order,
 * by whichever worker drains the mailbox; different executions drain in parallel. The in-memory
 * state is a cache: it may be dropped at any idle moment and rebuilt from the store.
 */
final class ExecutionActor {
  /** What arrives: an interpreter event, and the timer it came from (if any). */
  /**
   * An event for the execution; {@code attempt} counts deliveries after failed commits.
   */
  record Inbound(Event event, TimerRecord timer, int attempt) {
    Inbound(Event event, TimerRecord timer) {
      this(event, timer, 0);
    }
  }

  /** An execution as it was after its last committed step. */
  static final class Loaded {
    final ExecutionState state;
    final StateMachine machine;
    ExecutionRecord record;

    Loaded(ExecutionState state, StateMachine machine, ExecutionRecord record) {
      this.state = state;
      this.machine = machine;
      this.record = record;
    }
  }

  enum Offer { QUEUED, SCHEDULE, RETIRED }

  final String arn;
  private final ArrayDeque<Inbound> mailbox = new ArrayDeque<>(2);
  private boolean scheduled;
  private boolean retired;
  /** Touched only by the worker draining the mailbox (or by start before publication). */
  Loaded loaded;

  ExecutionActor(String arn) {
    this.arn = arn;
  }

  /** Queues an event; SCHEDULE means the caller must hand the actor to a worker. */
  synchronized Offer offer(Inbound in) {
    if (retired) {
      return Offer.RETIRED;
    }
    mailbox.add(in);
    if (scheduled) {
      return Offer.QUEUED;
    }
    scheduled = true;
    return Offer.SCHEDULE;
  }

  /**
   * The next event, or null when the mailbox is empty — then the drain ends, and with
   * {@code retire} the actor accepts nothing more (the engine forgets it).
   */
  synchronized Inbound next(boolean retire) {
    Inbound in = mailbox.poll();
    if (in == null) {
      scheduled = false;
      retired = retire;
    }
    return in;
  }
}

package io.tributary.engine.plan;

import java.util.List;

/** The plan the planner chose and the candidates it rejected (for {@code explain}). Immutable. */
public record PlanChoice(QueryPlan winner, List<QueryPlan> rejected) {
  public PlanChoice {
    rejected = List.copyOf(rejected);
  }
}

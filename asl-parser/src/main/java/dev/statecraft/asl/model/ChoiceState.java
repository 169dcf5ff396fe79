package dev.statecraft.asl.model;

import java.util.List;

/**
 * A Choice state: goes to the {@code Next} of the first rule that matches, else to
 * {@code Default}, else fails with States.NoChoiceMatched.
 *
 * @param choices the top-level rules in order
 * @param defaultState the Default state, or null
 */
public record ChoiceState(
    String name,
    String comment,
    QueryLanguage queryLanguage,
    DataFlow io,
    List<ChoiceRule.Branch> choices,
    String defaultState)
    implements State {

  public ChoiceState {
    choices = List.copyOf(choices);
  }
}

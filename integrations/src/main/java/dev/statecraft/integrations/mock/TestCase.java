package dev.statecraft.integrations.mock;

import java.util.Map;

/**
 * One test case of a state machine in a mock configuration: which Task states are mocked and by
 * which response. States not listed run their real integration.
 *
 * @param machineName the state machine's name
 * @param name the test case's name
 * @param states Task state name → MockedResponses entry name
 */
public record TestCase(String machineName, String name, Map<String, String> states) {
  public TestCase {
    states = Map.copyOf(states);
  }
}

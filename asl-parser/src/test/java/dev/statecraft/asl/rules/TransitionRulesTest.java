package dev.statecraft.asl.rules;

import static dev.statecraft.asl.rules.Definitions.assertSingleError;
import static dev.statecraft.asl.rules.Definitions.assertValid;
import static dev.statecraft.asl.rules.Definitions.json;
import static dev.statecraft.asl.rules.Definitions.machine;
import static dev.statecraft.asl.rules.Definitions.states;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.asl.validate.DiagnosticCodes;
import org.junit.jupiter.api.Test;

/** StartAt, Next/Default/Catch targets, scopes, termination, reachability, End/Next, names. */
class TransitionRulesTest {
  private static final String SUCCEED = "'E':{'Type':'Succeed'}";

  @Test
  void startAtMustNameAState() {
    assertValid(machine("{'Type':'Succeed'}"));
    assertSingleError(json("{'StartAt':'X','States':{'S':{'Type':'Succeed'}}}"),
        DiagnosticCodes.MISSING_TRANSITION_TARGET, "/StartAt", "'StartAt'");
  }

  @Test
  void nextMustNameAStateInTheSameScope() {
    assertValid(states("'S':{'Type':'Pass','Next':'E'}," + SUCCEED));
    assertThat(assertSingleError(states("'S':{'Type':'Pass','Next':'X'}," + SUCCEED),
        DiagnosticCodes.MISSING_TRANSITION_TARGET, "/States/S/Next", "'Next'").message())
        .isEqualTo("State 'S' goes to 'X', which does not exist");
  }

  @Test
  void aMissingTargetIsNotAlsoReportedAsAMissingEnd() {
    // Nothing ends the workflow, but 'X' may well be meant to: one problem, one diagnostic.
    assertSingleError(states("'S':{'Type':'Pass','Next':'X'}"),
        DiagnosticCodes.MISSING_TRANSITION_TARGET, "/States/S/Next", "'Next'");
  }

  @Test
  void choiceRuleNextAndDefaultMustExist() {
    String rule = "{'Variable':'$.a','IsNull':true,'Next':'%s'}";
    assertValid(states("'S':{'Type':'Choice','Choices':[" + rule.formatted("E")
        + "],'Default':'E'}," + SUCCEED));
    assertSingleError(states("'S':{'Type':'Choice','Choices':[" + rule.formatted("X") + "]},"
        + SUCCEED), DiagnosticCodes.MISSING_TRANSITION_TARGET, "/States/S/Choices/0/Next",
        "'Next'");
    assertSingleError(states("'S':{'Type':'Choice','Choices':[" + rule.formatted("E")
        + "],'Default':'X'}," + SUCCEED), DiagnosticCodes.MISSING_TRANSITION_TARGET,
        "/States/S/Default", "'Default'");
  }

  @Test
  void catchNextMustExist() {
    String task = Definitions.task("'Catch':[{'ErrorEquals':['States.ALL'],'Next':'%s'}]");
    assertValid(states("'S':" + task.formatted("E") + "," + SUCCEED));
    assertSingleError(states("'S':" + task.formatted("X") + "," + SUCCEED),
        DiagnosticCodes.MISSING_TRANSITION_TARGET, "/States/S/Catch/0/Next", "'Next':'X'");
  }

  @Test
  void aTransitionCannotLeaveAParallelBranch() {
    String parallel = "'S':{'Type':'Parallel','Next':'E','Branches':[{'StartAt':'B','States':"
        + "{'B':{'Type':'Pass','Next':'%s'},'C':{'Type':'Succeed'}}}]}," + SUCCEED;
    assertValid(states(parallel.formatted("C")));
    assertThat(assertSingleError(states(parallel.formatted("E")),
        DiagnosticCodes.MISSING_TRANSITION_TARGET, "/States/S/Branches/0/States/B/Next",
        "'Next':'E'}").message()).contains("cannot leave a Parallel branch or Map processor");
  }

  @Test
  void aTransitionCannotLeaveAMapProcessor() {
    String map = "'S':{'Type':'Map','Next':'E','ItemProcessor':{'StartAt':'B','States':"
        + "{'B':{'Type':'Pass','Next':'%s'},'C':{'Type':'Succeed'}}}}," + SUCCEED;
    assertValid(states(map.formatted("C")));
    assertSingleError(states(map.formatted("E")), DiagnosticCodes.MISSING_TRANSITION_TARGET,
        "/States/S/ItemProcessor/States/B/Next", "'Next':'E'}");
  }

  @Test
  void branchStartAtMustNameAStateOfTheBranch() {
    assertSingleError(machine("{'Type':'Parallel','End':true,'Branches':[{'StartAt':'X',"
        + "'States':{'B':{'Type':'Succeed'}}}]}"), DiagnosticCodes.MISSING_TRANSITION_TARGET,
        "/States/S/Branches/0/StartAt", "'StartAt':'X'");
  }

  @Test
  void theWorkflowMustBeAbleToEnd() {
    assertSingleError(states("'S':{'Type':'Pass','Next':'T'},'T':{'Type':'Pass','Next':'S'}"),
        DiagnosticCodes.MISSING_END_STATE, "/States", "'States'");
  }

  @Test
  void anEndMustBeReachable() {
    // 'E' ends, but only through an unreachable state: reported as unreachable, and the loop
    // S <-> T is reported as not reaching an end.
    var r = Definitions.parse(states("'S':{'Type':'Pass','Next':'T'},'T':{'Type':'Pass',"
        + "'Next':'S'}," + SUCCEED));
    assertThat(r.errors()).extracting(d -> d.code() + " " + d.pointer()).containsExactly(
        "MISSING_TRANSITION_TARGET /States/E", "MISSING_END_STATE /States");
  }

  @Test
  void eachBranchAndProcessorMustBeAbleToEnd() {
    String loop = "{'StartAt':'B','States':{'B':{'Type':'Pass','Next':'B'}}}";
    assertSingleError(machine("{'Type':'Parallel','End':true,'Branches':[" + loop + "]}"),
        DiagnosticCodes.MISSING_END_STATE, "/States/S/Branches/0/States", "'States':{'B'");
    assertSingleError(machine("{'Type':'Map','End':true,'ItemProcessor':" + loop + "}"),
        DiagnosticCodes.MISSING_END_STATE, "/States/S/ItemProcessor/States", "'States':{'B'");
  }

  @Test
  void unreachableStatesAreErrorsAsOnAws() {
    // AWS refuses them at create time (MISSING_TRANSITION_TARGET ... is not reachable).
    assertThat(assertSingleError(states("'S':{'Type':'Succeed'},'T':{'Type':'Succeed'}"),
        DiagnosticCodes.MISSING_TRANSITION_TARGET, "/States/T", "'T'").message())
        .isEqualTo("State 'T' is not reachable from StartAt 'S'");
  }

  @Test
  void endAndNextAreExclusive() {
    assertValid(states("'S':{'Type':'Pass','Next':'E'}," + SUCCEED));
    assertThat(assertSingleError(states("'S':{'Type':'Pass','Next':'E','End':true}," + SUCCEED),
        DiagnosticCodes.SCHEMA_VALIDATION_FAILED, "/States/S", "'S':{").message())
        .isEqualTo("A Pass state cannot have both 'Next' and 'End'");
  }

  @Test
  void aStateNeedsNextOrEndAndIsNotThenAlsoAMissingEnd() {
    assertThat(assertSingleError(machine("{'Type':'Wait','Seconds':1}"),
        DiagnosticCodes.SCHEMA_VALIDATION_FAILED, "/States/S", "'S':{").message())
        .isEqualTo("A Wait state must have either 'Next' or \"End\": true");
    assertSingleError(machine("{'Type':'Pass','End':false}"),
        DiagnosticCodes.SCHEMA_VALIDATION_FAILED, "/States/S", "'S':{");
  }

  @Test
  void terminalStatesCannotHaveNextOrEndAndSayItOnce() {
    assertSingleError(machine("{'Type':'Succeed','Next':'S'}"),
        DiagnosticCodes.SCHEMA_VALIDATION_FAILED, "/States/S/Next", "'Next'");
    assertSingleError(machine("{'Type':'Fail','End':true}"),
        DiagnosticCodes.SCHEMA_VALIDATION_FAILED, "/States/S/End", "'End'");
    assertSingleError(states("'S':{'Type':'Choice','Choices':[{'Variable':'$.a','IsNull':true,"
        + "'Next':'E'}],'End':true}," + SUCCEED), DiagnosticCodes.SCHEMA_VALIDATION_FAILED,
        "/States/S/End", "'End'");
  }

  @Test
  void stateNamesAreUniqueAcrossNestedScopes() {
    String map = "'S':{'Type':'Map','Next':'%s','ItemProcessor':{'StartAt':'%s','States':"
        + "{'%s':{'Type':'Succeed'}}}},";
    assertValid(states(map.formatted("E", "P", "P") + SUCCEED));
    assertThat(assertSingleError(states(map.formatted("E", "E", "E") + SUCCEED),
        DiagnosticCodes.DUPLICATE_STATE_NAME, "/States/E", "},»'E':{").message())
        .contains("already used at /States/S/ItemProcessor/States/E");
  }

  @Test
  void stateNamesAreAtMostEightyCharacters() {
    String ok = "n".repeat(80);
    String tooLong = "n".repeat(81);
    assertValid(json("{'StartAt':'" + ok + "','States':{'" + ok + "':{'Type':'Succeed'}}}"));
    assertThat(assertSingleError(
        json("{'StartAt':'" + tooLong + "','States':{'" + tooLong + "':{'Type':'Succeed'}}}"),
        DiagnosticCodes.INVALID_STATE_NAME, "/States/" + tooLong, "'" + tooLong + "':")
        .message()).contains("must be 1 to 80 characters long (it has 81)");
  }

  @Test
  void aNonObjectMemberOfStatesIsReportedOnlyAsNotAState() {
    assertSingleError(states("'S':{'Type':'Succeed'},'QueryLanguage':'JSONata'"),
        DiagnosticCodes.SCHEMA_VALIDATION_FAILED, "/States/QueryLanguage", "'QueryLanguage'");
  }
}

package so.ara.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import so.ara.annotation.AraAgent;
import so.ara.annotation.AraSchedule;
import so.ara.annotation.AraTool;
import so.ara.manifest.AppManifest;

import static org.assertj.core.api.Assertions.assertThat;

/** Unknown ids in skills, handoffTo, runAgent and runTool stop startup, through the declaration failure analyzer. */
class AraDeclarationReferencesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AraManifestAutoConfiguration.class))
            .withPropertyValues("ara.project-name=expenses");

    @Test
    void unknownIdsFailStartupNamingBeanMethodAndIdWithASuggestion() {
        runner.withBean("expenses", Misspelled.class).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new AraDeclarationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription())
                    .contains("bean 'expenses' method 'clerk': unknown skill 'fileExpnse': no tool, built-in or"
                            + " connector of that name (did you mean 'fileExpense'?)")
                    .contains("bean 'expenses' method 'clerk': unknown agent 'nobody' in handoffTo")
                    .contains("bean 'expenses' method 'clerk': unknown agent 'auditr' in @AraSchedule(runAgent)"
                            + " (did you mean 'auditor'?)")
                    .contains("bean 'expenses' method 'fileExpense': unknown tool 'fileExpenses' in"
                            + " @AraSchedule(runTool) (did you mean 'fileExpense'?)");
            assertThat(analysis.getDescription()).doesNotContain("'nobody' in handoffTo (did you mean");
            assertThat(analysis.getAction()).contains("@AraAgent");
        });
    }

    @Test
    void toolsAgentsConnectorsAndBuiltinsAreKnown() {
        runner.withBean("expenses", Known.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(AppManifest.class).agents()).hasSize(2);
        });
    }

    @Test
    void furtherBuiltinsCanBeDeclared() {
        runner.withBean("expenses", UsesPlatformSkill.class).run(context -> assertThat(context.getStartupFailure())
                .rootCause().hasMessageContaining("unknown skill 'planner-notes'"));
        runner.withPropertyValues("ara.declarations.builtin-skills=planner-notes").withBean("expenses",
                UsesPlatformSkill.class).run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("ara.declarations.check-references=false").withBean("expenses",
                UsesPlatformSkill.class).run(context -> assertThat(context).hasNotFailed());
    }

    static class Misspelled {

        @AraAgent(skills = { "fileExpnse", "lookupEmployee" }, handoffTo = "nobody")
        @AraSchedule(cron = "0 9 * * *", runAgent = "auditr")
        String clerk(Map<String, Object> input) {
            return "clerk";
        }

        @AraAgent
        String auditor(Map<String, Object> input) {
            return "audit";
        }

        @AraTool
        @AraSchedule(cron = "0 2 * * *", runTool = "fileExpenses")
        String fileExpense(String amount) {
            return amount;
        }

        @AraTool
        String lookupEmployee(String name) {
            return name;
        }
    }

    static class Known {

        @AraAgent(skills = { "fileExpense", "automation_create", "connector:gmail", "composio:slack:post" },
                handoffTo = "auditor")
        @AraSchedule(cron = "0 9 * * *", runAgent = "auditor")
        String clerk(Map<String, Object> input) {
            return "clerk";
        }

        @AraAgent
        String auditor(Map<String, Object> input) {
            return "audit";
        }

        @AraTool
        @AraSchedule(cron = "0 2 * * *", runTool = "fileExpense")
        String fileExpense(String amount) {
            return amount;
        }
    }

    static class UsesPlatformSkill {

        @AraAgent(skills = "planner-notes")
        String planner(Map<String, Object> input) {
            return "plan";
        }
    }
}

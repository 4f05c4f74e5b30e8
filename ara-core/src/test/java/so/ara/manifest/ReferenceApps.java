package so.ara.manifest;

import java.util.Map;
import org.springframework.web.bind.annotation.RequestMethod;

import so.ara.annotation.AraAgent;
import so.ara.annotation.AraEndpoint;
import so.ara.annotation.AraEndpoint.Auth;
import so.ara.annotation.AraParam;
import so.ara.annotation.AraSchedule;
import so.ara.annotation.AraTool;

/**
 * The declarations of {@code fixtures/reference-vectors.json} ("manifests"), written as a Java user would write them.
 * Method names keep the Python function names so ids and slugs match exactly.
 */
@SuppressWarnings({ "unused", "checkstyle:MethodName" })
final class ReferenceApps {

    private ReferenceApps() {
    }

    static class WorkedExample {

        @AraTool(description = "Fetch one ticket by id.")
        Map<String, Object> lookup_ticket(String ticket_id, @AraParam(defaultValue = "false") boolean include_history) {
            return Map.of("id", ticket_id);
        }

        @AraAgent(entrypoint = true, skills = "lookup_ticket", instructions = "Triage incoming support tickets.")
        @AraSchedule(cron = "0 9 * * 1-5")
        @AraEndpoint(method = RequestMethod.POST, auth = Auth.HMAC)
        String triage_agent(Map<String, Object> input) {
            return "Triage the ticket found in input['input'].";
        }
    }

    static class ScheduleAtForms {

        @AraAgent(id = "digest-agent", instructions = "Send the digest.")
        @AraSchedule(cron = "0 12 * * *", at = "07:05")
        @AraSchedule(id = "Morning Digest", at = { "09:00", "18:30", "*/15 * * * *", "2026-12-01T10:15:00Z" },
                timezone = "Europe/Berlin", runAgent = "digest-agent", input = "{\"message\": \"digest please\"}")
        String digest(Map<String, Object> input) {
            return "digest";
        }
    }

    static class ScheduleBadAt {

        @AraAgent(instructions = "A.")
        @AraSchedule(at = "25:00")
        String a(Map<String, Object> input) {
            return "a";
        }
    }

    static class EndpointAuthModes {

        @AraAgent(id = "open-agent", entrypoint = true, instructions = "Open.")
        @AraEndpoint(method = RequestMethod.GET, label = "Status Check", auth = Auth.NONE)
        String none_ep(Map<String, Object> input) {
            return "open";
        }

        @AraAgent(id = "header-agent", instructions = "Header.")
        @AraEndpoint(method = RequestMethod.POST, path = "intake//v1/", auth = Auth.HEADER)
        String header_ep(Map<String, Object> input) {
            return "header";
        }

        @AraAgent(id = "bearer-agent", instructions = "Bearer.")
        @AraEndpoint(method = RequestMethod.PUT, label = "update", auth = Auth.BEARER, secretEnv = "MY_TOKEN", docs = true)
        String bearer_ep(Map<String, Object> input) {
            return "bearer";
        }

        @AraAgent(id = "hmac-agent", instructions = "Hmac.", handoffTo = { "header-agent", "header-agent", " " },
                alwaysOn = false)
        @AraEndpoint(method = RequestMethod.POST, path = "/webhooks/support", label = "support-webhook", auth = Auth.HMAC,
                headerName = "X-Sig")
        String hmac_ep(Map<String, Object> input) {
            return "hmac";
        }
    }

    static class EndpointBadMethod {

        @AraAgent(instructions = "A.")
        @AraEndpoint(method = RequestMethod.TRACE)
        String a(Map<String, Object> input) {
            return "a";
        }
    }

    static class ToolScheduleFallbackAgent {

        @AraTool(id = "sync_crm", description = "Sync the CRM.", requiredEnv = "CRM_TOKEN")
        @AraSchedule(id = "nightly-sync", cron = "0 2 * * *", runTool = "sync_crm", args = "{\"full\": true}")
        void sync_crm(@AraParam(defaultValue = "false") boolean full) {
        }
    }

    static class AgentRuntimeSandbox {

        @AraAgent(id = "planner", instructions = "Plan research.",
                skills = { "automation_create", "connector:gmail", "planner-notes" }, runtime = "planner",
                sandbox = "planner")
        @AraSchedule(id = "hourly-check", every = "3600")
        String planner(Map<String, Object> input) {
            return "plan";
        }

        @AraAgent(id = "writer", entrypoint = true)
        String writer(Map<String, Object> input) {
            return "write";
        }
    }

    static class BadProjectName {

        @AraAgent(instructions = "A.")
        String a(Map<String, Object> input) {
            return "a";
        }
    }
}

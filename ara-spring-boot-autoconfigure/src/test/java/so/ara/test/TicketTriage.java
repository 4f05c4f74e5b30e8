package so.ara.test;

import java.util.Map;
import org.springframework.web.bind.annotation.RequestMethod;

import so.ara.annotation.AraAgent;
import so.ara.annotation.AraEndpoint;
import so.ara.annotation.AraParam;
import so.ara.annotation.AraSchedule;
import so.ara.annotation.AraTool;

/** The reference's worked example (docs/ara-reference.md §2.8) as annotated Java beans, shared by the tests. */
@SuppressWarnings("checkstyle:MethodName")
public class TicketTriage {

    @AraTool(description = "Fetch one ticket by id.")
    public Map<String, Object> lookup_ticket(String ticket_id,
            @AraParam(defaultValue = "false") boolean include_history) {
        return Map.of("id", ticket_id, "history", include_history);
    }

    @AraAgent(entrypoint = true, skills = "lookup_ticket", instructions = "Triage incoming support tickets.")
    @AraSchedule(cron = "0 9 * * 1-5")
    @AraEndpoint(method = RequestMethod.POST, auth = AraEndpoint.Auth.HMAC)
    public String triage_agent(Map<String, Object> input) {
        return "Triage the ticket found in input['input'].";
    }
}

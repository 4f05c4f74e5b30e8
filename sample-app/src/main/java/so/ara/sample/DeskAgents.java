package so.ara.sample;

import java.util.Map;
import org.springframework.web.bind.annotation.RequestMethod;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import so.ara.annotation.AraAgent;
import so.ara.annotation.AraEndpoint;
import so.ara.annotation.AraEndpoint.Auth;
import so.ara.annotation.AraSchedule;

/**
 * The desk's agents. Each method builds the prompt for one run from its input; endpoint calls arrive with the HTTP
 * body under {@code input.input} and gateway metadata under {@code input.gateway}.
 */
@Component
public class DeskAgents {

    private final TicketStore store;

    public DeskAgents(TicketStore store) {
        this.store = store;
    }

    @AraAgent(entrypoint = true, instructions = "Triage incoming support tickets: find or open the ticket, set its"
            + " priority and answer the customer.", skills = { "lookupTicket", "searchKnowledgeBase", "createTicket" },
            handoffTo = { "billing", "escalation" })
    @AraSchedule(id = "morning-triage", cron = "0 9 * * 1-5", timezone = "Europe/Berlin",
            runAgent = "triage", input = "{\"message\": \"Triage tickets opened overnight.\"}")
    @AraEndpoint(path = "/webhooks/tickets", auth = Auth.HMAC, docs = true)
    public String triage(Map<String, Object> input) {
        return "Triage this support request and reply to the customer. Open tickets: " + store.count()
                + ". Request: " + input.getOrDefault("input", input);
    }

    @AraAgent(instructions = "Answer frequently asked questions from the knowledge base.",
            skills = "searchKnowledgeBase")
    @AraEndpoint(method = RequestMethod.GET, path = "/faq", auth = Auth.NONE, docs = true)
    public Mono<String> faq(Map<String, Object> input) {
        return Mono.just("Answer from the knowledge base only. Question: " + input.getOrDefault("input", input));
    }

    @AraAgent(instructions = "Handle billing questions: invoices, refunds, payment methods.",
            skills = { "lookupTicket", "searchKnowledgeBase" })
    @AraEndpoint(auth = Auth.HEADER)
    public String billing(BillingQuestion question) {
        return "Answer this billing question politely: " + question.input();
    }

    @AraAgent(instructions = "Escalate urgent tickets to the on-call engineer.", skills = "escalateTicket",
            alwaysOn = false, sandbox = "escalations")
    @AraEndpoint(method = RequestMethod.PUT, auth = Auth.BEARER, secretEnv = "DESK_ESCALATION_TOKEN")
    public String escalation(Map<String, Object> input) {
        return "Decide whether to escalate, and call escalateTicket if so: " + input.getOrDefault("input", input);
    }

    @AraAgent(instructions = "Write the daily digest of open tickets.", runtime = "digest")
    @AraSchedule(at = { "09:00", "17:30" }, timezone = "Europe/Berlin")
    public String dailyDigest(Map<String, Object> input) {
        return "Summarise the " + store.count() + " tickets for the team.";
    }

    /**
     * A record input: the run input's keys bind to its components, other keys are ignored. {@code gateway} is only
     * there when the run came through an endpoint, hence nullable.
     */
    public record BillingQuestion(Map<String, Object> input, @Nullable Map<String, Object> gateway) {
    }
}

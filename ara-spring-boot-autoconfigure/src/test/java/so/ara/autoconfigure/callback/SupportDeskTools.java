package so.ara.autoconfigure.callback;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import so.ara.annotation.AraAgent;
import so.ara.annotation.AraParam;
import so.ara.annotation.AraTool;

/** The annotated bean the callback tests call: tools and prompt methods of a small support desk. */
public class SupportDeskTools {

    public enum Priority {
        LOW, NORMAL, HIGH
    }

    public record TicketQuery(String subject, Contact contact, Optional<String> team, List<String> tags) {
    }

    /** A POJO: private fields bound by name, {@code @JsonProperty} honoured as in the schema. */
    public static class Contact {

        @JsonProperty("customer_email")
        private String email;

        private String name;

        String email() {
            return email;
        }

        String name() {
            return name;
        }
    }

    public record TicketView(String id, String subject, String customerEmail, Priority priority, String note,
            int limit, String team, List<String> tags) {
    }

    public record EscalationInput(String ticketId, Priority priority, Optional<String> reason) {
    }

    @AraTool(id = "lookupTicket", description = "Look up a ticket.")
    public TicketView lookupTicket(String ticketId, TicketQuery query, Priority priority, Optional<String> note,
            @AraParam(defaultValue = "3") int limit) {
        return new TicketView(ticketId, query.subject(), query.contact().name() + " <" + query.contact().email() + ">",
                priority, note.orElse("(none)"), limit,
                query.team().orElse("(unassigned)"), query.tags());
    }

    @AraTool(id = "countOpen")
    public Mono<Integer> countOpen(String team) {
        return Mono.just(team.length() * 10);
    }

    @AraTool(id = "listTags")
    public Flux<String> listTags(int count) {
        return Flux.range(1, count).map(i -> "tag-" + i);
    }

    @AraTool(id = "whereAmI")
    public String whereAmI() {
        return Thread.currentThread().getName();
    }

    @AraTool(id = "archive")
    public void archive(String ticketId) {
    }

    @AraTool(id = "closeTicket")
    public String closeTicket(String ticketId) {
        throw new IllegalStateException("Ticket " + ticketId + " is locked");
    }

    /** Refers to itself, so it cannot be written as JSON. */
    public static class Loop {

        private final Loop self = this;
    }

    @AraTool(id = "loop")
    public Loop loop() {
        return new Loop();
    }

    @AraTool(id = "failLater")
    public Mono<String> failLater(String ticketId) {
        return Mono.error(new UnsupportedOperationException("Ticket " + ticketId + " cannot be reopened"));
    }

    @AraTool(id = "echo")
    public Map<String, Object> echo(Map<String, Object> payload) {
        return payload;
    }

    @AraAgent(id = "triage", instructions = "Triage support tickets.")
    public String triage(Map<String, Object> input) {
        return "Triage ticket " + input.get("ticketId") + " from " + input.get("channel") + ".";
    }

    @AraAgent(id = "escalation")
    public Mono<String> escalation(EscalationInput input) {
        return Mono.just("Escalate " + input.ticketId() + " at " + input.priority() + " because "
                + input.reason().orElse("no reason given") + ".");
    }
}

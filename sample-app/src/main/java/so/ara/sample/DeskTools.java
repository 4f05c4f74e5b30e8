package so.ara.sample;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import so.ara.annotation.AraParam;
import so.ara.annotation.AraSchedule;
import so.ara.annotation.AraTool;

/** The tools the desk's agents call. They run in this app: Ara's runtime calls them back over HTTP. */
@Component
public class DeskTools {

    private static final Map<String, String> ARTICLES = Map.of(
            "password", "Reset your password from the sign-in page; links expire after 30 minutes.",
            "invoice", "Invoices are under Billing > History and can be downloaded as PDF.",
            "refund", "Refunds reach the original payment method within 5 business days.");

    private final TicketStore store;

    public DeskTools(TicketStore store) {
        this.store = store;
    }

    @AraTool(description = "Fetch one support ticket by id.")
    public TicketSummary lookupTicket(@AraParam(description = "Ticket id, e.g. T-1001") String ticketId,
            @AraParam(description = "Include the ticket's history", defaultValue = "false") boolean includeHistory) {
        Ticket ticket = store.find(ticketId).orElseThrow(() -> new IllegalArgumentException("no ticket " + ticketId));
        return new TicketSummary(ticket.id(), ticket.subject(), ticket.status(),
                includeHistory ? ticket.history() : List.of());
    }

    @AraTool(description = "Search the knowledge base for articles matching a query.")
    public List<String> searchKnowledgeBase(@AraParam(description = "Search words") String query,
            @AraParam(description = "Maximum number of articles") Optional<Integer> limit) {
        String lower = query.toLowerCase(java.util.Locale.ROOT);
        return ARTICLES.entrySet().stream().filter(article -> lower.contains(article.getKey()))
                .map(Map.Entry::getValue).sorted().limit(limit.orElse(3)).toList();
    }

    @AraTool(description = "Open a new support ticket.")
    public Ticket createTicket(NewTicket ticket) {
        return store.open(ticket);
    }

    @AraTool(description = "Escalate a ticket to the on-call engineer.")
    public Ticket escalateTicket(String ticketId, String reason) {
        return store.escalate(ticketId, reason);
    }

    /** What lookupTicket answers: the ticket without the customer's address. */
    public record TicketSummary(String id, String subject, Ticket.Status status, List<String> history) {
    }

    @AraTool(description = "Synchronise tickets with the CRM.", requiredEnv = "CRM_TOKEN")
    @AraSchedule(id = "crm-sync", every = "1h")
    public Map<String, Object> syncCrm() {
        return Map.of("synced", store.count());
    }
}

package so.ara.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/** An in-memory ticket store standing in for the help desk system. */
@Component
public class TicketStore {

    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger(1000);

    public TicketStore() {
        save(new Ticket("T-1001", "ada@example.com", "Cannot log in after password reset", Ticket.Priority.HIGH,
                Ticket.Status.OPEN, List.of("Customer reset password", "Login still fails")));
        sequence.set(1001);
    }

    public Optional<Ticket> find(String id) {
        return Optional.ofNullable(tickets.get(id));
    }

    public Ticket open(NewTicket request) {
        String id = "T-" + sequence.incrementAndGet();
        Ticket.Priority priority = request.priority() == null ? Ticket.Priority.NORMAL : request.priority();
        return save(new Ticket(id, request.customer(), request.subject(), priority, Ticket.Status.OPEN, List.of()));
    }

    public Ticket escalate(String id, String reason) {
        Ticket ticket = find(id).orElseThrow(() -> new IllegalArgumentException("no ticket " + id));
        List<String> history = new ArrayList<>(ticket.history());
        history.add("Escalated: " + reason);
        return save(new Ticket(ticket.id(), ticket.customer(), ticket.subject(), Ticket.Priority.URGENT,
                Ticket.Status.ESCALATED, List.copyOf(history)));
    }

    public int count() {
        return tickets.size();
    }

    private Ticket save(Ticket ticket) {
        tickets.put(ticket.id(), ticket);
        return ticket;
    }
}

package so.ara.sample;

import java.util.List;

/** A support ticket. */
public record Ticket(String id, String customer, String subject, Priority priority, Status status,
        List<String> history) {

    public enum Priority {
        LOW, NORMAL, HIGH, URGENT
    }

    public enum Status {
        OPEN, WAITING, ESCALATED, CLOSED
    }
}

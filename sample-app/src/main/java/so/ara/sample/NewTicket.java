package so.ara.sample;

import so.ara.annotation.AraParam;

/** What the model fills in to open a ticket; becomes a nested object schema in the tool's parameters. */
public record NewTicket(@AraParam(description = "Customer e-mail address") String customer,
        @AraParam(description = "One-line summary") String subject, Ticket.Priority priority) {
}

def lookupTicket(ticketId: str, *, includeHistory: bool = False, priority: str = None, statuses: list = ["open"], filter: dict):
    """Look up a ticket by id."""
    raise RuntimeError("Tool 'lookupTicket' is implemented in Java by the Spring app 'support-desk', which is not reachable from Ara: set ara.callback.base-url to the app's public URL and deploy again.")

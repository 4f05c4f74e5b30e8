package so.ara.auth;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** What an {@link EndpointAuthenticator} decided about one request. */
public sealed interface AuthOutcome permits AuthOutcome.Accepted, AuthOutcome.Rejected {

    boolean accepted();

    static Accepted accept(String scheme, @Nullable String messageId) {
        return new Accepted(scheme, messageId);
    }

    static Rejected reject(RejectReason reason) {
        return new Rejected(reason);
    }

    /**
     * The request is authentic.
     * @param scheme how it was authenticated: {@code none}, {@code header}, {@code bearer},
     * {@code standard-webhooks} or {@code ara-signature}
     * @param messageId the signed message id (webhook id or delivery id) for hmac, otherwise {@code null}
     */
    record Accepted(String scheme, @Nullable String messageId) implements AuthOutcome {
        public Accepted {
            Objects.requireNonNull(scheme, "scheme");
        }

        @Override
        public boolean accepted() {
            return true;
        }
    }

    /** The request is refused; {@link RejectReason#publicMessage()} is safe to return to the caller. */
    record Rejected(RejectReason reason) implements AuthOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean accepted() {
            return false;
        }
    }
}

package org.vouchsafe.problem;

import java.sql.SQLTransientConnectionException;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises "no database connection within the pool's timeout" however deeply it is wrapped
 * (the engine wraps the transaction manager's exception in its own). Such a failure means the
 * service is busy, not broken: it is answered 503 with {@code Retry-After}, never 500.
 */
public final class ServiceBusy {

    public static final String RETRY_AFTER_SECONDS = "5";
    public static final String DETAIL = "The service is busy; please retry in a few seconds.";

    private ServiceBusy() {
    }

    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}

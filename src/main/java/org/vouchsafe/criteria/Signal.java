package org.vouchsafe.criteria;

import java.util.List;

/**
 * Something reviewers should see about a request as a whole, outside the nine criteria: its name
 * ({@code ONE_DISTRO}), its level (always {@code CONCERN}: a person judges, nothing is routed on
 * it) and the facts that raised it, each a sentence a person can act on.
 */
public record Signal(String signal, String level, List<String> reasons) {

    public Signal {
        reasons = List.copyOf(reasons);
    }
}

package org.vouchsafe.audit;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who filed a membership request, read straight from {@code membership_request} so that the
 * audit package does not depend on the intake package's entities.
 */
@Component
class RequestFilers {

    private final JdbcTemplate jdbc;

    RequestFilers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The username that filed the request, or empty if there is no such request. */
    Optional<String> filerOf(String requestId) {
        return jdbc.queryForList("select filed_by from membership_request where id = ?", String.class, requestId)
                .stream()
                .findFirst();
    }
}

package org.vouchsafe.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

@DataJpaTest(showSql = false, properties = AuditLogTests.DATABASE)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({AuditLog.class, RequestFilers.class})
class RequestFilersTests {

    @Autowired
    RequestFilers requestFilers;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldNameWhoFiledARequestAndNothingForAnUnknownOne() {
        jdbc.update("""
                insert into membership_request (id, list_name, distro_name, unix_like, open_source, policy_version,
                    policy_accepted, status, review_round, filed_by, filed_at, version)
                values ('req-filed', 'distros', 'Example Linux', true, true, '2024', true, 'FILED', 1, 'erin',
                    current_timestamp, 0)
                """);

        assertThat(requestFilers.filerOf("req-filed")).contains("erin");
        assertThat(requestFilers.filerOf("req-unknown")).isEmpty();
    }
}

package org.vouchsafe.membership;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.vouchsafe.problem.DomainException;

/**
 * An approval that would subscribe nobody (409): every requester still lacks one of criteria 6, 8
 * and 9. The answer lists, per person, what is missing ({@code people}); the detail says the same in
 * words, which is what Tasklist shows.
 */
public class AdmissionRefusedException extends DomainException {

    private final List<Admissions.Person> people;

    AdmissionRefusedException(List<Admissions.Person> people) {
        super("Approving would subscribe nobody: each requester must prove criteria 6, 8 and 9 themselves, or the list "
                + "admin records an exception (criterion, person, reason) for what they have not proved. "
                + String.join(" ", people.stream().map(p -> p.whyNot() + ".").toList()));
        this.people = List.copyOf(people);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }

    @Override
    public String title() {
        return "Nobody would be subscribed";
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("people", people.stream().map(p -> {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("email", p.email());
            person.put("missing", p.missing());
            return person;
        }).toList());
    }
}

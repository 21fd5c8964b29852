package org.vouchsafe.vouching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vouchsafe.support.Filings;

/** Filing payloads whose requesters carry the given people's keys and whose vouchers are the given ones. */
final class VouchingTestSupport {

    private VouchingTestSupport() {
    }

    /** The valid filing of {@link Filings#valid()} (homepage https://example.org, "Example Foundation"), with these people. */
    static Map<String, Object> filing(List<TestVouchers.Person> requesters, List<Map<String, Object>> vouchers) {
        Map<String, Object> filing = Filings.valid();
        List<Map<String, Object>> people = new ArrayList<>();
        for (TestVouchers.Person p : requesters) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", p.name());
            r.put("email", p.email());
            r.put("affiliation", "Example Foundation");
            r.put("publicKey", p.publicKey());
            people.add(r);
        }
        filing.put("requesters", people);
        filing.put("vouchers", new ArrayList<>(vouchers));
        return filing;
    }

    static Map<String, Object> voucher(TestVouchers.Person voucher, TestVouchers.Person vouchesFor) {
        return new LinkedHashMap<>(Map.of("name", voucher.name(), "email", voucher.email(), "vouchesFor", vouchesFor.email()));
    }
}

package org.vouchsafe.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.util.encoders.Hex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a requester proves with their own key before an approval subscribes them (criteria 6 and 8:
 * the policy statement signed, the encrypted challenge answered), done over HTTP as the applicant's
 * tooling would; and, for tests whose subject is not the requester's own steps, the list admin's
 * exceptions in their place. Criterion 9 (the vouch) is {@code vouching.TestVouchers.vouchedByNewMember}.
 */
public final class Proofs {

    private Proofs() {
    }

    /** The fixture requester {@code who} (fixtures/{who}.sec.asc) signs the policy and answers their challenge. */
    public static void signAndAnswer(Api api, String requestId, String who) {
        signAndAnswer(api, requestId, Pgp.secretKey(who));
    }

    /** The requester holding {@code key} signs the current policy statement and answers the challenge sent to them. */
    public static void signAndAnswer(Api api, String requestId, OpenPGPKey key) {
        String fingerprint = fingerprint(key);
        Api.Response statement = api.get("applicant", "/api/catalogue/policy/statement?request=" + requestId
                + "&requester=" + fingerprint);
        assertThat(statement.status()).as(statement.toString()).isEqualTo(200);
        String signature = Pgp.detachSign(key, statement.body());
        // A check re-run by one of the request's jobs at the same moment answers 409 (a concurrent change): sign again.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Api.Response signed = api.post("applicant", "/api/requests/" + requestId + "/policy-signatures",
                    Map.of("fingerprint", fingerprint, "signature", signature));
            assertThat(signed.status()).as(signed.toString()).isIn(201, 409);
            return signed.status() == 201;
        });
        String path = "/api/requests/" + requestId + "/challenges/" + fingerprint;
        // The challenge is issued by the challenge process's first job, shortly after filing.
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("applicant", path).status() == 200);
        String code = Pgp.code(Pgp.decrypt(key, api.get("applicant", path).json().path("message").asText()));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Api.Response answered = api.post("applicant", path, Map.of("answer", code));
            assertThat(answered.status()).as(answered.toString()).isIn(200, 409);
            return answered.status() == 200 || "ANSWERED".equals(api.get("applicant", path).json().path("status").asText());
        });
    }

    /** The full fingerprint of a key, as the API names keys. */
    public static String fingerprint(OpenPGPKey key) {
        return Hex.toHexString(key.getFingerprint()).toUpperCase(Locale.ROOT);
    }

    /** The admin's exceptions for {@code email}, one per criterion (6, 8 and 9 when none is named), with one reason. */
    public static List<Map<String, Object>> exceptions(String email, String reason, int... criteria) {
        List<Map<String, Object>> exceptions = new ArrayList<>();
        for (int criterion : criteria.length == 0 ? new int[] {6, 8, 9} : criteria) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("email", email);
            e.put("criterion", criterion);
            e.put("reason", reason);
            exceptions.add(e);
        }
        return exceptions;
    }

    /**
     * An approval that subscribes the given requesters without their own proofs, by the admin's
     * exceptions for criteria 6, 8 and 9: for tests of the process around the decision, not of admission.
     */
    public static Map<String, Object> approvalExcepting(String reason, String... emails) {
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("outcome", "APPROVED");
        decision.put("reason", reason);
        List<Map<String, Object>> exceptions = new ArrayList<>();
        for (String email : emails) {
            exceptions.addAll(exceptions(email, "Known to the list admin in person; test of the process, not of admission."));
        }
        decision.put("exceptions", exceptions);
        return decision;
    }
}

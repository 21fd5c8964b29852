package org.vouchsafe.members;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.membership.MemberRepository;
import org.vouchsafe.pgp.PgpProperties;
import org.vouchsafe.support.Api;
import org.vouchsafe.vouching.TestVouchers.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vouchsafe.members.MembersTestSupport.PASSWORD;
import static org.vouchsafe.members.MembersTestSupport.person;

/**
 * A member renews their key: the same key with a new expiry, or a new key their current one
 * certified; any other key is refused. Mail follows the new key.
 */
@VouchsafeTest
class MemberKeysHttpTests {

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @Autowired MemberRepository roster;
    @Autowired JdbcTemplate jdbc;
    @Autowired PgpProperties pgp;

    Api api;
    @Autowired MembersTestSupport members;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void shouldTakeTheSameKeyAgainAndASuccessorTheCurrentKeyCertifiedButNoOtherKey() throws Exception {
        // given an active member
        Person ann = person("Ann Member", "ann");
        members.admit(List.of(ann));
        String username = activate(ann);
        OpenPGPKey stranger = newKey(ann);
        OpenPGPKey successor = newKey(ann);

        // when they upload their key again (as after extending its expiry), a key nobody certified, and a successor
        Api.Response same = upload(username, ann.publicKey());
        Api.Response uncertified = upload(username, armored(stranger.toCertificate().getPGPPublicKeyRing()));
        Api.Response certified = upload(username, certifiedBy(ann.key(), successor));

        // then the first and the last are taken, the roster follows, the other is refused naming the field
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.json().path("status").asText()).isEqualTo("OK");
        assertThat(uncertified.status()).as(uncertified.toString()).isEqualTo(400);
        assertThat(uncertified.errorFields()).containsExactly("publicKey");
        assertThat(certified.status()).as(certified.toString()).isEqualTo(200);
        String newFingerprint = org.bouncycastle.util.encoders.Hex.toHexString(successor.getFingerprint()).toUpperCase();
        assertThat(certified.json().path("fingerprint").asText()).isEqualTo(newFingerprint);
        assertThat(roster.findByEmailIgnoreCase(ann.email()).orElseThrow().getFingerprint()).isEqualTo(newFingerprint);

        // and the next mail is encrypted to the new key
        assertThat(api.post("admin", "/api/members/people/" + ann.email() + "/invitation", null).status()).isEqualTo(201);
        Person annWithNewKey = new Person(ann.name(), ann.email(), successor);
        assertThat(MembersTestSupport.decrypt(annWithNewKey, members.rawMail(members.openInvitation(ann.email()))))
                .contains("/invitations/");
    }

    private String activate(Person person) {
        Api.Response set = api.post(null, "/api/invitations/" + members.tokenOf(person), Map.of("password", PASSWORD));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        return set.json().path("username").asText();
    }

    private Api.Response upload(String username, String key) {
        return api.exchange(username, PASSWORD, HttpMethod.POST, "/api/members/me/key", Map.of("publicKey", key),
                MediaType.APPLICATION_JSON);
    }

    private static OpenPGPKey newKey(Person person) throws PGPException {
        return new BcOpenPGPApi().generateKey(4, new Date(System.currentTimeMillis() - 60_000))
                .ed25519x25519Key(person.name() + " <" + person.email() + ">").build();
    }

    /** The new key's public certificate with its user id certified by the old primary key, as gpg --sign-key leaves it. */
    private static String certifiedBy(OpenPGPKey oldKey, OpenPGPKey newKey) throws PGPException, IOException {
        PGPPublicKey issuer = oldKey.getPrimarySecretKey().getPGPSecretKey().getPublicKey();
        PGPPublicKeyRing ring = newKey.toCertificate().getPGPPublicKeyRing();
        PGPPublicKey target = ring.getPublicKey();
        String userId = target.getUserIDs().next();
        PGPSignatureGenerator generator = new PGPSignatureGenerator(
                new BcPGPContentSignerBuilder(issuer.getAlgorithm(), HashAlgorithmTags.SHA512), issuer);
        generator.init(PGPSignature.DEFAULT_CERTIFICATION, oldKey.getPrimarySecretKey().unlock().getKeyPair().getPrivateKey());
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(false, new Date());
        hashed.setIssuerFingerprint(false, issuer);
        generator.setHashedSubpackets(hashed.generate());
        PGPSignature certification = generator.generateCertification(userId, target);
        PGPPublicKey certified = PGPPublicKey.addCertification(target, userId, certification);
        return armored(PGPPublicKeyRing.insertPublicKey(ring, certified));
    }

    private static String armored(PGPPublicKeyRing ring) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = new ArmoredOutputStream(out)) {
            ring.encode(armor);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}

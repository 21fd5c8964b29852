package org.vouchsafe.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * The criteria, roles and policy versions, read once from the data files under
 * {@code classpath:catalogue/}. They change only with a release, so they are data files in the
 * project rather than database rows an operator could edit by accident.
 */
@Service
public class Catalogue {

    private static final int CRITERIA_COUNT = 9;
    private static final int ROLE_COUNT = 18;

    private final List<Criterion> criteria;
    private final List<Role> roles;
    private final Map<String, Role> rolesById;
    private final List<PolicyVersion> policies;

    public Catalogue() {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        this.criteria = read(json, "catalogue/criteria.json", new TypeReference<List<Criterion>>() { }).stream()
                .sorted(Comparator.comparingInt(Criterion::number)).toList();
        this.roles = read(json, "catalogue/roles.json", new TypeReference<List<Role>>() { });
        this.rolesById = roles.stream().collect(Collectors.toUnmodifiableMap(Role::id, Function.identity()));
        this.policies = read(json, "catalogue/policies.json", new TypeReference<List<PolicyFile>>() { }).stream()
                .map(p -> new PolicyVersion(p.version(), text("catalogue/" + p.file()), p.current(), p.source()))
                .toList();
        if (criteria.size() != CRITERIA_COUNT || roles.size() != ROLE_COUNT
                || policies.stream().filter(PolicyVersion::current).count() != 1) {
            throw new IllegalStateException("Catalogue data files are incomplete: expected 9 criteria, 18 roles "
                    + "and exactly one current policy version");
        }
    }

    public List<Criterion> criteria() {
        return criteria;
    }

    /** @param number 1–9 */
    public Criterion criterion(int number) {
        return criteria.get(number - 1);
    }

    public List<Role> roles() {
        return roles;
    }

    public Optional<Role> role(String id) {
        return Optional.ofNullable(id == null ? null : rolesById.get(id));
    }

    public List<PolicyVersion> policies() {
        return policies;
    }

    public PolicyVersion currentPolicy() {
        return policies.stream().filter(PolicyVersion::current).findFirst().orElseThrow();
    }

    public Optional<PolicyVersion> policy(String version) {
        return policies.stream().filter(p -> p.version().equals(version)).findFirst();
    }

    private static <T> T read(ObjectMapper json, String path, TypeReference<T> type) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read catalogue file " + path, e);
        }
    }

    private static String text(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read catalogue file " + path, e);
        }
    }

    private record PolicyFile(String version, String file, boolean current, String source) {
    }
}

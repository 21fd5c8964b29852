package org.vouchsafe.criteria;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the checks take as facts worth showing where the list's criteria name no number. Every
 * value here is ours, not the seed's: the checks only gather facts for reviewers with them and
 * never pass a criterion people must judge. A list left unset takes the default below.
 *
 * @param releaseMaxAgeDays   a latest release older than this is pointed out on criterion 1
 * @param minSpecifics        specifics shorter than this count as "brief" on criterion 7
 * @param ossSecurityArchives URL prefixes (without scheme) of oss-security archives: a community
 *                            link starting with one is an oss-security posting (criterion 5)
 * @param oneDistro           when a request seems to speak for more than one distro
 */
@ConfigurationProperties("vouchsafe.criteria")
public record CriteriaProperties(
        @DefaultValue("365") int releaseMaxAgeDays,
        @DefaultValue("20") int minSpecifics,
        List<String> ossSecurityArchives,
        @DefaultValue OneDistro oneDistro) {

    static final List<String> OSS_SECURITY_ARCHIVES = List.of("www.openwall.com/lists/oss-security/",
            "openwall.com/lists/oss-security/", "seclists.org/oss-sec/", "marc.info/?l=oss-security");

    public CriteriaProperties {
        if (releaseMaxAgeDays < 1) {
            throw new IllegalArgumentException("vouchsafe.criteria.release-max-age-days must be at least 1");
        }
        if (minSpecifics < 0) {
            throw new IllegalArgumentException("vouchsafe.criteria.min-specifics must not be negative");
        }
        ossSecurityArchives = lowerCase(ossSecurityArchives, OSS_SECURITY_ARCHIVES);
        oneDistro = oneDistro == null ? OneDistro.defaults() : oneDistro;
    }

    /** The defaults, as an application without any vouchsafe.criteria setting has them. */
    public static CriteriaProperties defaults() {
        return new CriteriaProperties(365, 20, null, null);
    }

    /**
     * The "one request, one distro" signal (the seed: one thread per distro wanting to join).
     *
     * @param emailDomains        requesters' addresses at this many organisations (personal mail
     *                            providers not counted) raise the signal
     * @param personalMailDomains mail providers anyone can use: they say nothing about an organisation
     * @param organisationWords   words that make a distro name look like a company's name
     */
    public record OneDistro(
            @DefaultValue("3") int emailDomains,
            List<String> personalMailDomains,
            List<String> organisationWords) {

        static final List<String> PERSONAL_MAIL_DOMAINS = List.of("gmail.com", "googlemail.com", "outlook.com",
                "hotmail.com", "live.com", "yahoo.com", "icloud.com", "me.com", "proton.me", "protonmail.com", "pm.me",
                "posteo.de", "posteo.net", "mailbox.org", "fastmail.com", "fastmail.fm", "gmx.de", "gmx.net", "web.de",
                "riseup.net", "tutanota.com", "tuta.io", "disroot.org", "yandex.ru", "qq.com", "163.com");
        static final List<String> ORGANISATION_WORDS = List.of("inc", "incorporated", "ltd", "limited", "gmbh", "llc",
                "llp", "corp", "corporation", "company", "plc", "pty", "b.v.", "bv", "s.a.", "sarl", "s.r.l.", "srl",
                "oy", "ag", "k.k.");

        public OneDistro {
            if (emailDomains < 2) {
                throw new IllegalArgumentException("vouchsafe.criteria.one-distro.email-domains must be at least 2");
            }
            personalMailDomains = lowerCase(personalMailDomains, PERSONAL_MAIL_DOMAINS);
            organisationWords = lowerCase(organisationWords, ORGANISATION_WORDS);
        }

        public static OneDistro defaults() {
            return new OneDistro(3, null, null);
        }
    }

    private static List<String> lowerCase(List<String> values, List<String> defaults) {
        List<String> given = values == null ? defaults : values;
        return given.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty()).toList();
    }
}

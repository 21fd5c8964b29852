package org.vouchsafe.members;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vouchsafe.members.*}.
 *
 * @param invitationValidity how long the link that sets a member's first password works (the P7D)
 * @param publicUrl          where people reach this service, for the link in the invitation mail (ours)
 */
@ConfigurationProperties("vouchsafe.members")
public record MembersProperties(@DefaultValue("P7D") Duration invitationValidity,
                                @DefaultValue("http://localhost:8080") String publicUrl) {

    public MembersProperties {
        if (invitationValidity == null || invitationValidity.isNegative() || invitationValidity.isZero()) {
            throw new IllegalArgumentException("vouchsafe.members.invitation-validity must be a positive duration");
        }
        publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
    }
}

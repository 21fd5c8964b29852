package org.vouchsafe.workflow;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.vouchsafe.intake.NamedVoucher;
import org.vouchsafe.members.MemberAccount;
import org.vouchsafe.members.MemberAccounts;
import org.vouchsafe.vouching.Vouch;
import org.vouchsafe.vouching.VouchService;
import org.vouchsafe.vouching.VouchingProperties;
import org.vouchsafe.vouching.VouchingRounds;


/**
 * What {@code processes/vouching.bpmn} reads in its expressions ({@code ${vouchingState...}}): the
 * member invitations to loop over, texts for the forms (short, under Camunda's 4,000-character
 * limit), the reminder delay and whether everyone is vouched for.
 */
@Component("vouchingState")
public class VouchingState {

    private final VouchingRounds rounds;
    private final VouchService vouches;
    private final VouchingProperties properties;
    private final MemberAccounts accounts;

    VouchingState(VouchingRounds rounds, VouchService vouches, VouchingProperties properties, MemberAccounts accounts) {
        this.rounds = rounds;
        this.vouches = vouches;
        this.properties = properties;
        this.accounts = accounts;
    }

    public List<String> memberInvitations(DelegateExecution execution) {
        return rounds.memberInvitations(execution.getProcessBusinessKey());
    }

    public boolean allVouched(DelegateExecution execution) {
        return vouches.allVouched(execution.getProcessBusinessKey());
    }

    /** ISO-8601 duration for the reminder timer. */
    public String reminder() {
        return properties.reminder().toString();
    }

    public String voucherName(String requestId, String invitationId) {
        return rounds.invitation(requestId, invitationId).getName();
    }

    public String voucherEmail(String requestId, String invitationId) {
        return rounds.invitation(requestId, invitationId).getEmail();
    }

    /**
     * The member vouch task's candidate user: the named voucher's own account, once they have one
     * (by address), so the member opens the task in Tasklist themselves; empty otherwise.
     */
    public List<String> voucherAccount(String requestId, String invitationId) {
        return accounts.ofEmail(rounds.invitation(requestId, invitationId).getEmail())
                .map(MemberAccount::getUsername).stream().toList();
    }

    public String vouchesFor(String requestId, String invitationId) {
        NamedVoucher voucher = rounds.invitation(requestId, invitationId);
        return voucher.getVouchesFor();
    }

    public String statement(String requestId, String invitationId) {
        return rounds.statement(requestId, invitationId);
    }

    /** What the admin judges: who the veteran is, since when active, and the links to check. */
    public String veteranSummary(String vouchId) {
        Vouch v = vouches.vouch(vouchId).orElseThrow();
        String text = v.getVoucherName() + " <" + v.getVoucherEmail() + ">"
                + (v.getVoucherAffiliation() == null ? "" : ", " + v.getVoucherAffiliation()) + "\n"
                + "Key: " + v.getVoucherFingerprint() + "\n"
                + "Vouches for: " + v.getRequesterEmail() + " (" + v.getStrength() + ")\n"
                + "Active on oss-security since: " + v.getFirstActivity() + "\n"
                + "Evidence:\n" + String.join("\n", v.getEvidence()) + "\n"
                + (v.getComment() == null ? "" : "How they know them: " + v.getComment().replace('\n', ' ') + "\n");
        return text.length() <= FormSummaries.LIMIT ? text : text.substring(0, FormSummaries.LIMIT) + "\n…";
    }
}

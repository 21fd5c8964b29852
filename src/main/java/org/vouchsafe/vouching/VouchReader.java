package org.vouchsafe.vouching;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.intake.Requester;
import org.vouchsafe.problem.NotFoundException;

/**
 * The read side of vouching: the statement a voucher signs, the stored vouches, the chain they
 * form and its views (JSON and SVG). Changes nothing; runs in the transaction of {@link VouchService}.
 */
@Component
class VouchReader {

    private final Requests requests;
    private final VouchRepository vouches;
    private final VouchStatements statements;
    private final VouchingProperties properties;

    VouchReader(Requests requests, VouchRepository vouches, VouchStatements statements, VouchingProperties properties) {
        this.requests = requests;
        this.vouches = vouches;
        this.statements = statements;
        this.properties = properties;
    }

    /**
     * The statement {@code voucherEmail} signs to vouch for {@code requesterEmail} on this request.
     * The addresses are checked before the request is looked up, so that a malformed address gets
     * the same answer whether the request exists or not.
     */
    String statement(String requestId, String voucherEmail, String requesterEmail) {
        VouchShape.requireEmail("voucher", voucherEmail);
        VouchShape.requireEmail("for", requesterEmail);
        String voucher = VouchStatements.normalise(voucherEmail);
        if (voucher.equals(VouchStatements.normalise(requesterEmail))) {
            throw VouchShape.selfVouch("voucher");
        }
        MembershipRequest request = request(requestId);
        Requester requester = VoucherEligibility.requester(request, requesterEmail, "for");
        return statements.text(request, voucher, requester);
    }

    /** The request, or a 404 naming it. */
    MembershipRequest request(String requestId) {
        return requests.find(requestId)
                .orElseThrow(() -> new NotFoundException("No membership request " + requestId + "."));
    }

    List<Vouch> vouches(String requestId) {
        return vouches.findByRequestIdOrderByRecordedAt(requestId);
    }

    Optional<Vouch> vouch(String vouchId) {
        return vouches.findById(vouchId);
    }

    /** The chain of a stored request as it stands. */
    VouchChain chain(String requestId) {
        return chainOf(request(requestId), vouches.findByRequestIdOrderByRecordedAt(requestId));
    }

    /** Every vouch and where each requester stands in the chain. */
    VouchesView view(String requestId) {
        MembershipRequest request = request(requestId);
        List<Vouch> all = vouches.findByRequestIdOrderByRecordedAt(requestId);
        VouchChain chain = chainOf(request, all);
        return new VouchesView(requestId, all.stream().map(VouchesView::of).toList(), request.getRequesters().stream()
                .map(r -> new VouchesView.RequesterView(r.getName(), r.getEmail(), chain.isVouched(r.getEmail()),
                        chain.depth(r.getEmail()).orElse(null)))
                .toList());
    }

    /** The chain as an SVG graph. */
    String svg(String requestId) {
        MembershipRequest request = request(requestId);
        List<Vouch> all = vouches.findByRequestIdOrderByRecordedAt(requestId);
        return VouchChainSvg.render(request, all, chainOf(request, all));
    }

    /** The chain the given vouches form among the requesters of the request, within the configured teammate depth. */
    VouchChain chainOf(MembershipRequest request, List<Vouch> all) {
        return chainOf(request, all, properties.teammateDepth());
    }

    static VouchChain chainOf(MembershipRequest request, List<Vouch> all, int teammateDepth) {
        return VouchChain.of(request.getRequesters().stream().map(Requester::getEmail).toList(), all, teammateDepth);
    }
}

package org.vouchsafe.vouching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requester;

import static org.vouchsafe.markup.Markup.escape;

/**
 * Draws the chain as SVG, left to right: outside vouchers (members, veterans), then requesters by
 * chain depth (each box names its depth and whether that person may vouch for teammates under the
 * configured teammate depth), then requesters nobody has vouched for yet. Each arrow is one vouch,
 * labelled with its strength; a veteran's vouch awaiting confirmation is dashed, one not confirmed is
 * grey, and a teammate's vouch from beyond the teammate depth is grey and dotted (it does not count).
 * Every text is escaped: names and comments come from strangers.
 */
final class VouchChainSvg {

    private static final int COLUMN = 260;
    private static final int ROW = 70;
    private static final int BOX_W = 210;
    private static final int BOX_H = 44;
    private static final int MARGIN = 30;
    private static final int TOP = 50;

    private VouchChainSvg() {
    }

    static String render(MembershipRequest request, List<Vouch> vouches, VouchChain chain) {
        Map<String, int[]> at = new LinkedHashMap<>();
        Map<String, String[]> labels = new LinkedHashMap<>();
        List<List<String>> columns = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (Vouch v : vouches) {
            if (v.getBranch() != VoucherBranch.TEAMMATE && !outside.contains("v:" + v.getVoucherEmail())) {
                outside.add("v:" + v.getVoucherEmail());
                labels.put("v:" + v.getVoucherEmail(), new String[] {v.getVoucherName(),
                        v.getBranch().name().toLowerCase(Locale.ROOT) + " · " + v.getVoucherEmail()});
            }
        }
        columns.add(outside);
        int maxDepth = chain.depths().values().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (int d = 1; d <= maxDepth; d++) {
            columns.add(new ArrayList<>());
        }
        List<String> unvouched = new ArrayList<>();
        for (Requester r : request.getRequesters()) {
            String key = "r:" + VouchStatements.normalise(r.getEmail());
            labels.put(key, new String[] {r.getName(), r.getEmail()});
            chain.depth(r.getEmail()).ifPresentOrElse(d -> columns.get(d).add(key), () -> unvouched.add(key));
        }
        columns.add(unvouched);
        int rows = columns.stream().mapToInt(List::size).max().orElse(0);
        int width = MARGIN * 2 + columns.size() * COLUMN;
        int height = TOP + Math.max(rows, 1) * ROW + MARGIN;
        for (int c = 0; c < columns.size(); c++) {
            for (int i = 0; i < columns.get(c).size(); i++) {
                at.put(columns.get(c).get(i), new int[] {MARGIN + c * COLUMN, TOP + i * ROW});
            }
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\n");
        svg.append("<title>Vouching chain of ").append(escape(request.getDistroName())).append("</title>\n");
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
                + "markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#444\"/>"
                + "</marker></defs>\n");
        String[] headings = new String[columns.size()];
        headings[0] = "Vouchers";
        for (int d = 1; d < columns.size() - 1; d++) {
            headings[d] = d == 1 ? "Vouched requesters (depth 1)" : "Teammates (depth " + d + ")";
        }
        headings[columns.size() - 1] = "Not vouched yet";
        svg.append("<text class=\"teammate-depth\" x=\"").append(MARGIN).append("\" y=\"").append(14)
                .append("\" font-size=\"11\" fill=\"#555\">").append(escape(chain.teammateDepth() == 0
                        ? "Teammate depth 0: teammates do not vouch for each other"
                        : "Teammate depth " + chain.teammateDepth() + ": requesters at depth " + chain.teammateDepth()
                                + (chain.teammateDepth() == 1 ? "" : " or less") + " may vouch for teammates"))
                .append("</text>\n");
        for (int c = 0; c < headings.length; c++) {
            svg.append("<text x=\"").append(MARGIN + c * COLUMN).append("\" y=\"").append(TOP - 20)
                    .append("\" font-weight=\"bold\">").append(escape(headings[c])).append("</text>\n");
        }
        for (Vouch v : vouches) {
            String from = (v.getBranch() == VoucherBranch.TEAMMATE ? "r:" : "v:") + v.getVoucherEmail();
            int[] a = at.get(from);
            int[] b = at.get("r:" + v.getRequesterEmail());
            if (a == null || b == null) {
                continue;
            }
            int x1 = a[0] + BOX_W;
            int y1 = a[1] + BOX_H / 2;
            int x2 = b[0];
            int y2 = b[1] + BOX_H / 2;
            if (x2 <= x1) {
                // Same column or backwards (an extra vouch for someone already vouched): draw around the boxes.
                x2 = b[0] + BOX_W;
                x1 = a[0] + BOX_W;
            }
            boolean beyondDepth = v.getStatus() == VouchStatus.COUNTING && !chain.carries(v);
            String stroke = beyondDepth ? "stroke=\"#aaa\" stroke-dasharray=\"2 3\"" : switch (v.getStatus()) {
                case COUNTING -> "stroke=\"#2a6\"";
                case AWAITING_CONFIRMATION -> "stroke=\"#c80\" stroke-dasharray=\"6 4\"";
                case NOT_CONFIRMED -> "stroke=\"#aaa\"";
            };
            svg.append("<g class=\"vouch\"><title>").append(escape(v.getVoucherName() + " → " + v.getRequesterEmail() + ": "
                    + v.getStrength() + ", " + v.getStatus() + (beyondDepth ? " (does not count: beyond the teammate depth "
                    + chain.teammateDepth() + ")" : "") + (v.getComment() == null ? "" : " — " + v.getComment())))
                    .append("</title><path d=\"M ").append(x1).append(' ').append(y1).append(" C ").append((x1 + x2) / 2 + 20)
                    .append(' ').append(y1).append(", ").append((x1 + x2) / 2 + 20).append(' ').append(y2).append(", ")
                    .append(x2).append(' ').append(y2).append("\" fill=\"none\" stroke-width=\"")
                    .append(strokeWidth(v.getStrength())).append("\" ").append(stroke)
                    .append(" marker-end=\"url(#arrow)\"/><text x=\"").append((x1 + x2) / 2).append("\" y=\"")
                    .append((y1 + y2) / 2 - 4).append("\" font-size=\"10\" fill=\"#333\">")
                    .append(escape(v.getStrength().name())).append("</text></g>\n");
        }
        for (Map.Entry<String, int[]> node : at.entrySet()) {
            String[] text = labels.get(node.getKey());
            int x = node.getValue()[0];
            int y = node.getValue()[1];
            boolean vouched = node.getKey().startsWith("v:") || chain.isVouched(node.getKey().substring(2));
            String depth = node.getKey().startsWith("v:") ? null : chain.depth(node.getKey().substring(2))
                    .map(d -> "depth " + d).orElse(null);
            svg.append("<g class=\"node\">");
            if (depth != null) {
                svg.append("<title>").append(escape(text[0] + ": " + depth + (chain.mayVouchForTeammates(node.getKey()
                        .substring(2)) ? ", may vouch for teammates" : ", may not vouch for teammates"))).append("</title>");
            }
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"")
                    .append(BOX_W).append("\" height=\"").append(BOX_H).append("\" rx=\"6\" fill=\"")
                    .append(vouched ? "#eef8f0" : "#fdf3e7").append("\" stroke=\"#666\"/><text x=\"").append(x + 8)
                    .append("\" y=\"").append(y + 18).append("\" font-weight=\"bold\">").append(escape(clip(text[0])))
                    .append("</text><text x=\"").append(x + 8).append("\" y=\"").append(y + 34).append("\" fill=\"#555\">")
                    .append(escape(clip(text[1]))).append("</text>");
            if (depth != null) {
                svg.append("<text x=\"").append(x + BOX_W - 6).append("\" y=\"").append(y + 18)
                        .append("\" text-anchor=\"end\" font-size=\"10\" fill=\"#2a6\">").append(depth).append("</text>");
            }
            svg.append("</g>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Stronger vouches draw thicker arrows. */
    private static int strokeWidth(VouchStrength strength) {
        return switch (strength) {
            case WORKED_CLOSELY -> 4;
            case KNOWS_WORK -> 2;
            case CROSSED_PATHS -> 1;
        };
    }

    private static String clip(String text) {
        String s = text == null ? "" : text;
        return s.length() <= 32 ? s : s.substring(0, 31) + "…";
    }
}

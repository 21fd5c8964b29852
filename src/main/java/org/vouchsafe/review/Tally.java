package org.vouchsafe.review;

import java.util.List;

/** The votes of one round, counted. */
public record Tally(int round, int approve, int object, int needsInfo) {

    public static Tally of(int round, List<Vote> votes) {
        int approve = 0;
        int object = 0;
        int needsInfo = 0;
        for (Vote v : votes) {
            switch (v.getVote()) {
                case APPROVE -> approve++;
                case OBJECT -> object++;
                case NEEDS_INFO -> needsInfo++;
            }
        }
        return new Tally(round, approve, object, needsInfo);
    }
}

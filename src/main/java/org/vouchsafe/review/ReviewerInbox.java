package org.vouchsafe.review;

import java.time.Instant;
import java.util.List;

/**
 * The open tasks assigned to one person (a reviewer's votes, a member voucher's vouch), newest
 * first. Implemented over the engine's task table by the workflow package.
 *
 * <p>Why not Camunda's task query: it always runs {@code select distinct RES.* … order by …}
 * and {@code count(distinct RES.ID_)}, so both the page and the count read every task of the
 * inbox and grow with it (docs/performance.md, P2). This reads one page without
 * {@code distinct} (the database walks the creation-time index and stops after the page) and
 * counts only up to a cap.
 */
public interface ReviewerInbox {

    /** Open tasks assigned to {@code user}, newest first, {@code max} from {@code first}. */
    List<OpenTask> page(String user, int first, int max);

    /** How many open tasks {@code user} has, counting at most {@code cap + 1}. */
    long countUpTo(String user, int cap);

    /** One open task and the request it belongs to (null when it belongs to none). */
    record OpenTask(String taskId, String name, String taskKey, String requestId, Instant createdAt, Instant dueAt) {
    }
}

package org.vouchsafe.members;

import java.util.List;

/**
 * The engine's side of a member's page, implemented by {@code workflow}: the open vouch tasks
 * that name the member's account as candidate (their teammates and other requesters they were
 * named to vouch for).
 */
public interface MemberTasks {

    List<VouchTask> openVouchTasks(String username);

    /** A vouch task: its id (Tasklist opens it), the request, and whom it vouches for. */
    record VouchTask(String taskId, String requestId, String vouchesFor, String name) {
    }
}

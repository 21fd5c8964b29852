package org.vouchsafe.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.QueryParameters;

/**
 * The caller's inbox: the open tasks assigned to them (a reviewer's votes), newest first, with
 * the distro each belongs to and a link into Tasklist. The count is exact up to
 * {@value #COUNT_CAP} and says "more" beyond: an exact count of a large inbox costs a read of
 * all of it, a page does not.
 */
@RestController
class InboxController {

    static final int COUNT_CAP = 1000;
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    private final ReviewerInbox inbox;
    private final Requests requests;

    InboxController(ReviewerInbox inbox, Requests requests) {
        this.inbox = inbox;
        this.requests = requests;
    }

    @Operation(summary = "The caller's open review and decision work")
    @GetMapping("/api/inbox")
    @PreAuthorize("hasAnyAuthority('reviewers', 'list-admins')")
    InboxView inbox(@RequestParam(name = "page", required = false) String page,
            @RequestParam(name = "size", required = false) String size, Authentication user) {
        List<FieldProblem> problems = new ArrayList<>();
        int pageNumber = QueryParameters.wholeNumber("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE, problems);
        int pageSize = QueryParameters.wholeNumber("size", size, DEFAULT_SIZE, 1, MAX_SIZE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<ReviewerInbox.OpenTask> tasks = inbox.page(user.getName(), pageNumber * pageSize, pageSize);
        Map<String, String> distros = requests.findAll(tasks.stream().map(ReviewerInbox.OpenTask::requestId)
                        .filter(java.util.Objects::nonNull).distinct().toList()).stream()
                .collect(Collectors.toMap(MembershipRequest::getId, MembershipRequest::getDistroName));
        long counted = inbox.countUpTo(user.getName(), COUNT_CAP);
        return new InboxView(tasks.stream().map(t -> new TaskView(t.taskId(), t.name(), t.taskKey(), t.requestId(),
                        t.requestId() == null ? null : distros.get(t.requestId()), t.createdAt(), t.dueAt(),
                        "/camunda/app/tasklist/default/#/?task=" + t.taskId())).toList(),
                Math.min(counted, COUNT_CAP), counted > COUNT_CAP, pageNumber, pageSize);
    }

    /** One page of the inbox; {@code count} is exact unless {@code more} is true (then there are more than it says). */
    record InboxView(List<TaskView> tasks, long count, boolean more, int page, int size) {
    }

    /** An open task, the request and distro it concerns, and where to open it. */
    record TaskView(String taskId, String name, String taskKey, String requestId, String distro, Instant createdAt,
            Instant dueAt, String tasklist) {
    }
}

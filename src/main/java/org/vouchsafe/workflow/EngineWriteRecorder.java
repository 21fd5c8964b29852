package org.vouchsafe.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditLog;

/**
 * Records in the audit log every engine command that a signed-in Camunda user runs and that
 * writes something: the changes made through {@code /engine-rest} and the webapps (Cockpit,
 * Tasklist, Admin), which bypass the application's own, audited, paths.
 *
 * <p><b>Who.</b> The REST API ({@code EngineRestAuthenticationFilter}) and the webapps tell the engine
 * who calls ({@code IdentityService.setAuthentication}). The application's own services call
 * the engine without an authenticated user; what they change is audited by the domain code in
 * its own words (a vote, a decision), so commands without a user are not recorded here.
 *
 * <p><b>Whether the command writes.</b> Not decided by the command's class (a list of reads would
 * be wrong after every Camunda upgrade) nor by Camunda's user operation log (which leaves out
 * sending a signal, adding a comment, fetching external tasks): {@link EngineWrites} reads what
 * the command's entity cache will flush. A command that changes no row is a read and leaves no
 * event. See docs/adr/0011-engine-writes-in-the-audit-log.md.
 *
 * <p><b>Where in the chain.</b> It is a post interceptor: after Spring's transaction interceptor
 * and Camunda's command context interceptor, so it runs inside the transaction the command
 * commits in, and {@link AuditLog#record}'s {@code MANDATORY} propagation holds. The event is
 * queued after the command's work and before the context flushes; a command that fails, at its
 * work or at the flush, rolls the transaction back and its event with it. A failure to record
 * fails the command: no engine change goes unrecorded.
 *
 * <p><b>Once per command.</b> Commands nested in another (a delegate calling an engine service)
 * share the outer command's context and flush; only the outermost one records, with every row.
 * A completion of a process's user task ({@code CompleteTaskCmd}, {@code SubmitTaskFormCmd}:
 * Tasklist, or {@code task/{id}/complete}) is not recorded: the model's listeners record it as
 * the vote, decision or pre-screen choice it is.
 */
final class EngineWriteRecorder extends CommandInterceptor {

    /** The processes whose business key is a membership request's id. */
    static final Set<String> REQUEST_PROCESSES = Set.of(MembershipProcess.PROCESS_KEY, ChallengeProcess.PROCESS_KEY,
            VouchingProcess.PROCESS_KEY);
    private static final int MAX_LISTED = 40;
    private static final int MAX_RESOLVED_INSTANCES = 20;
    private static final int MAX_DETAIL = 3000;
    private static final int MAX_REQUEST_ID = 36;

    /** The command context whose writes this thread is recording, to tell nested commands from new ones. */
    private static final ThreadLocal<CommandContext> RECORDING = new ThreadLocal<>();

    private final AuditLog auditLog;

    EngineWriteRecorder(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public <T> T execute(Command<T> command) {
        CommandContext context = Context.getCommandContext();
        CommandContext outer = RECORDING.get();
        // Without a signed-in user (the job executor, our own services) nothing is looked at at all.
        if (context == null || context == outer || context.getAuthenticatedUserId() == null) {
            return next.execute(command);
        }
        RECORDING.set(context);
        try {
            T result = next.execute(command);
            record(command, context);
            return result;
        } finally {
            if (outer == null) {
                RECORDING.remove();
            } else {
                RECORDING.set(outer);
            }
        }
    }

    private void record(Command<?> command, CommandContext context) {
        String actor = context.getAuthenticatedUserId();
        if (actor == null || actor.isBlank()) {
            return;
        }
        // Looked up without getSession(): a command that never touched the database has no entity manager.
        DbEntityManager db = (DbEntityManager) context.getSessions().get(DbEntityManager.class);
        if (db == null) {
            return;
        }
        EngineWrites writes = EngineWrites.pendingIn(db);
        if (writes.isEmpty() || completesProcessTask(command, writes)) {
            return;
        }
        Set<String> instances = writes.processInstanceIds();
        Set<String> requests = new LinkedHashSet<>();
        instances.stream().limit(MAX_RESOLVED_INSTANCES)
                .forEach(id -> requestOf(id, context, db, writes).ifPresent(requests::add));
        String requestId = requests.size() == 1 && instances.size() <= MAX_RESOLVED_INSTANCES
                ? requests.iterator().next() : null;

        List<EngineWrites.Write> state = writes.stateWrites();
        List<String> changes = state.stream().map(EngineWrites.Write::describe).toList();
        List<String> bulk = writes.bulk();
        List<String> operations = writes.operations();
        boolean identity = writes.onlyIdentity();
        String what = commandName(command);

        Map<String, String> details = new LinkedHashMap<>();
        details.put("command", what);
        channel().ifPresent(channel -> details.put("channel", channel));
        putList(details, "changes", changes, overflow(state));
        putList(details, "bulk", bulk, "");
        putList(details, "operations", operations, "");
        if (writes.historyRows() > 0) {
            details.put("historyRows", Long.toString(writes.historyRows()));
        }
        putList(details, "processInstances", List.copyOf(instances), "");
        if (requests.size() > 1) {
            putList(details, "requests", List.copyOf(requests), "");
        }

        List<String> headline = !changes.isEmpty() ? changes : !bulk.isEmpty() ? bulk : operations;
        StringBuilder summary = new StringBuilder(actor)
                .append(identity ? " changed Camunda identities (" : " changed the process engine (")
                .append(humanize(what)).append(')');
        if (!headline.isEmpty()) {
            summary.append(": ").append(String.join("; ", headline.subList(0, Math.min(3, headline.size()))));
            if (headline.size() > 3) {
                summary.append("; and ").append(headline.size() - 3).append(" more");
            }
        } else {
            summary.append(": ").append(writes.historyRows()).append(" history rows");
        }
        auditLog.record(actor, identity ? AuditAction.IDENTITY_CHANGED : AuditAction.ENGINE_CHANGE, requestId,
                EngineWrites.shorten(summary.toString(), 1900), details, false);
    }

    /**
     * A user task of one of our processes being completed: the model's complete listeners audit it
     * (VOTE_CAST, DECISION_RECORDED, ...). A standalone task's completion is still recorded here.
     */
    private static boolean completesProcessTask(Command<?> command, EngineWrites writes) {
        if (!(command instanceof CompleteTaskCmd) && !(command instanceof SubmitTaskFormCmd)) {
            return false;
        }
        return writes.deleted(Task.class).stream()
                .anyMatch(write -> ((Task) write.entity()).getProcessInstanceId() != null);
    }

    /**
     * The membership request a process instance belongs to: its business key, when the instance
     * (or its history) is of one of our processes. The entity cache answers for instances the
     * command touched; otherwise one lookup by primary key.
     */
    private static Optional<String> requestOf(String processInstanceId, CommandContext context, DbEntityManager db,
            EngineWrites writes) {
        ExecutionEntity instance = db.getDbEntityCache().get(ExecutionEntity.class, processInstanceId);
        if (instance != null) {
            return requestOf(instance);
        }
        for (EngineWrites.Write write : writes.writes()) {
            if (write.entity() instanceof HistoricProcessInstanceEventEntity history
                    && processInstanceId.equals(history.getProcessInstanceId())) {
                return requestOf(history.getProcessDefinitionKey(), history.getBusinessKey());
            }
        }
        instance = context.getExecutionManager().findExecutionById(processInstanceId);
        if (instance != null) {
            return requestOf(instance);
        }
        HistoricProcessInstance history = context.getHistoricProcessInstanceManager()
                .findHistoricProcessInstance(processInstanceId);
        return history == null ? Optional.empty()
                : requestOf(history.getProcessDefinitionKey(), history.getBusinessKey());
    }

    private static Optional<String> requestOf(ExecutionEntity instance) {
        // The definition comes from the engine's deployment cache, not from the database.
        return instance.getProcessDefinition() == null ? Optional.empty()
                : requestOf(instance.getProcessDefinition().getKey(), instance.getBusinessKey());
    }

    private static Optional<String> requestOf(String processKey, String businessKey) {
        if (!REQUEST_PROCESSES.contains(processKey) || businessKey == null || businessKey.isBlank()
                || businessKey.length() > MAX_REQUEST_ID) {
            return Optional.empty();
        }
        return Optional.of(businessKey);
    }

    /** The HTTP call that ran the command ({@code POST /engine-rest/job/42/execute}), without its query. */
    private static Optional<String> channel() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            return Optional.of(request.getMethod() + " " + EngineWrites.shorten(request.getRequestURI(), 300));
        }
        return Optional.empty();
    }

    static String commandName(Command<?> command) {
        String name = command.getClass().getSimpleName();
        if (name.isEmpty() || name.contains("$$")) {
            // Anonymous and lambda commands: the enclosing class says where they come from.
            name = command.getClass().getName();
            name = name.substring(name.lastIndexOf('.') + 1).split("\\$\\$")[0];
        }
        return name;
    }

    /** {@code SetExecutionVariablesCmd} becomes "set execution variables". */
    static String humanize(String commandName) {
        String name = commandName.endsWith("Cmd") ? commandName.substring(0, commandName.length() - 3) : commandName;
        return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('$', ' ').toLowerCase().strip();
    }

    /** What the rows beyond the listed ones are, by type: "12 VariableInstance, 9 Execution". */
    private static String overflow(List<EngineWrites.Write> state) {
        if (state.size() <= MAX_LISTED) {
            return "";
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        state.subList(MAX_LISTED, state.size()).forEach(w -> counts.merge(EngineWrites.typeName(w.entity().getClass()), 1,
                Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((type, n) -> parts.add(n + " " + type));
        return ": " + String.join(", ", parts);
    }

    private static void putList(Map<String, String> details, String key, List<String> values, String overflow) {
        if (values.isEmpty()) {
            return;
        }
        List<String> listed = new ArrayList<>(values.subList(0, Math.min(MAX_LISTED, values.size())));
        if (values.size() > MAX_LISTED) {
            listed.add("and " + (values.size() - MAX_LISTED) + " more" + overflow);
        }
        details.put(key, EngineWrites.shorten(String.join("; ", listed), MAX_DETAIL));
    }
}

package org.vouchsafe.workflow;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.http.HttpStatus;
import org.springframework.util.ReflectionUtils;
import org.vouchsafe.problem.DomainException;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.system.Roles;

/**
 * Treats Camunda's webapps and engine REST API as the untrusted clients they are. Signed in to
 * Tasklist, a user can call the engine's task API by hand with any variables; before this guard a
 * reviewer completed their vote with {@code "quorum": 1} and closed a round on one approval, and
 * wrote variables onto process instances. Two rules, enforced where every such call passes, the
 * engine's command executor:
 *
 * <ol>
 *   <li><b>A completion carries only its form's fields.</b> {@code submitTaskForm} and
 *   {@code complete} (whoever calls them, our own REST API included) may set only the fields the
 *   task's Camunda Form declares as editable ({@link FormFields}), with plain values (text,
 *   numbers, booleans, dates); anything else refuses the whole completion with a 400 naming the
 *   fields. Ids, counters and thresholds are therefore never taken from a submission: the
 *   listeners read the request id from the business key and thresholds from configuration.</li>
 *   <li><b>Only list admins change a task or a process by other means.</b> A signed-in user who is
 *   not a list admin may read, claim a task for themselves and complete it through its form, and
 *   nothing else: no variable writes (task or process, local or not, batch), no reassignment,
 *   delegation, owner, identity links or task properties, no comments or attachments, no BPMN
 *   error or escalation. Each is refused with a 403. (Camunda's own authorizations already keep
 *   reviewers off process instances; this keeps them off the tasks they work on, which Camunda
 *   lets an assignee update freely.)</li>
 * </ol>
 *
 * <p>Only the outermost command of a call is judged: the listeners and delegates that a completion
 * runs use the engine themselves (nested commands), and those are our code, not the user's.
 *
 * <p>The completion commands keep their variables in fields without getters, read here by
 * reflection; the constructor fails at start-up if Camunda renames them, so the guard can never be
 * silently bypassed by an upgrade.
 */
final class TaskSubmissionGuard extends CommandInterceptor {

    /** What a non-admin may never do to a task or a process, whatever Camunda's authorizations say. */
    private static final List<Class<?>> ADMIN_ONLY = List.of(
            AbstractVariableCmd.class, AbstractPatchVariablesCmd.class, SetVariablesToProcessInstancesBatchCmd.class,
            AbstractAddIdentityLinkCmd.class, DeleteIdentityLinkCmd.class, AbstractSetTaskPropertyCmd.class,
            DelegateTaskCmd.class, ResolveTaskCmd.class, SaveTaskCmd.class, CreateTaskCmd.class, DeleteTaskCmd.class,
            HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class,
            AddCommentCmd.class, UpdateCommentCmd.class, DeleteTaskCommentCmd.class, DeleteProcessInstanceCommentCmd.class,
            CreateAttachmentCmd.class, SaveAttachmentCmd.class, DeleteAttachmentCmd.class);

    private static final Field SUBMIT_TASK_ID = field(SubmitTaskFormCmd.class, "taskId");
    private static final Field SUBMIT_VARIABLES = field(SubmitTaskFormCmd.class, "properties");
    private static final Field COMPLETE_TASK_ID = field(CompleteTaskCmd.class, "taskId");
    private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
    private static final Field CLAIM_USER = field(ClaimTaskCmd.class, "userId");

    /** Depth of nested commands on this thread: only the outermost one comes from the caller. */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final FormFields forms;

    TaskSubmissionGuard(FormFields forms) {
        this.forms = forms;
    }

    @Override
    public <T> T execute(Command<T> command) {
        int[] depth = DEPTH.get();
        boolean outermost = depth[0] == 0;
        CommandContext context = Context.getCommandContext();
        if (outermost) {
            check(command, context);
        }
        depth[0]++;
        try {
            return next.execute(command);
        } catch (RuntimeException e) {
            if (outermost && signedIn(context)) {
                throw forWebapps(e, command instanceof SubmitTaskFormCmd || command instanceof CompleteTaskCmd);
            }
            throw e;
        } finally {
            depth[0]--;
        }
    }

    private static boolean signedIn(CommandContext context) {
        return context != null && context.getAuthentication() != null && context.getAuthentication().getUserId() != null;
    }

    /**
     * Our listeners refuse an invalid submission with our own exceptions (the REST API turns them
     * into problem details). Camunda's webapp API knows only its own: it would answer ours with a
     * 500. Refusals are translated for it into the engine's exceptions it answers with 400 and 403,
     * message included, so Tasklist shows the reason and the status says whose fault it is. (For a
     * form submission or completion the 400 must be a {@link FormFieldValidationException}: Camunda's
     * task resource turns any other engine exception there into a 500.)
     */
    private static RuntimeException forWebapps(RuntimeException e, boolean completion) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException forbidden && forbidden.status() == HttpStatus.FORBIDDEN) {
                return new AuthorizationException(forbidden.detail());
            }
            if (cause instanceof DomainException refused) {
                String message = refused instanceof InvalidInputException invalid
                        ? invalid.problems().stream().map(p -> p.field() + " " + p.message())
                                .reduce((a, b) -> a + "; " + b).orElse(invalid.getMessage())
                        : refused.detail();
                return completion ? new FormFieldValidationException(null, message) : new BadUserRequestException(message);
            }
        }
        return e;
    }

    private void check(Command<?> command, CommandContext context) {
        if (command instanceof SubmitTaskFormCmd) {
            checkCompletion(context, (String) read(SUBMIT_TASK_ID, command), (Map<?, ?>) read(SUBMIT_VARIABLES, command));
        } else if (command instanceof CompleteTaskCmd) {
            checkCompletion(context, (String) read(COMPLETE_TASK_ID, command), (Map<?, ?>) read(COMPLETE_VARIABLES, command));
        } else if (command instanceof ClaimTaskCmd) {
            checkClaim(context, (String) read(CLAIM_USER, command));
        } else if (ADMIN_ONLY.stream().anyMatch(type -> type.isInstance(command))) {
            checkAdmin(context, command);
        }
    }

    private void checkCompletion(CommandContext context, String taskId, Map<?, ?> variables) {
        if (taskId == null || variables == null || variables.isEmpty()) {
            return;
        }
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            return; // the engine answers with its own "cannot find task"
        }
        // Someone who may not work on the task learns nothing about its form: Camunda's own check first.
        context.getProcessEngineConfiguration().getCommandCheckers().forEach(checker -> checker.checkTaskWork(task));
        String formId = formId(task);
        Set<String> allowed = formId == null ? Set.of() : forms.submittable(formId).orElse(Set.of());
        Set<String> unknown = new TreeSet<>();
        List<String> notPlain = new ArrayList<>();
        variables.forEach((name, value) -> {
            if (!allowed.contains(String.valueOf(name))) {
                unknown.add(String.valueOf(name));
            } else if (!plain(value)) {
                notPlain.add(String.valueOf(name));
            }
        });
        if (!unknown.isEmpty()) {
            throw new FormFieldValidationException(unknown, "The task '" + task.getName() + "' takes only the fields of its form"
                    + (formId == null ? " (it has none)" : " '" + formId + "': " + String.join(", ", allowed))
                    + ". Not accepted: " + String.join(", ", unknown) + ". Nothing was changed; submit the form's fields only.");
        }
        if (!notPlain.isEmpty()) {
            throw new FormFieldValidationException(notPlain, "The form fields " + String.join(", ", notPlain)
                    + " must be plain values (text, number, boolean or date). Nothing was changed.");
        }
    }

    private static void checkClaim(CommandContext context, String userId) {
        Authentication user = context.getAuthentication();
        if (user == null || user.getUserId() == null || admin(user)) {
            return;
        }
        if (userId == null || !userId.equals(user.getUserId())) {
            throw new AuthorizationException("You may claim a task for yourself only (" + user.getUserId()
                    + "); releasing or handing on a task is for the list admins.");
        }
    }

    private static void checkAdmin(CommandContext context, Command<?> command) {
        Authentication user = context.getAuthentication();
        if (user == null || user.getUserId() == null || admin(user)) {
            return;
        }
        throw new AuthorizationException("Only list admins may change a task or a process directly ("
                + command.getClass().getSimpleName().replaceAll("Cmd$", "") + "); " + user.getUserId()
                + " may claim a task for themselves and complete it through its form.");
    }

    private static boolean admin(Authentication user) {
        List<String> groups = user.getGroupIds();
        return groups != null && (groups.contains(Roles.LIST_ADMINS) || groups.contains(Roles.CAMUNDA_ADMIN));
    }

    private static String formId(TaskEntity task) {
        TaskDefinition definition = task.getTaskDefinition();
        Expression key = definition == null ? null : definition.getCamundaFormDefinitionKey();
        return key == null ? null : key.getExpressionText();
    }

    /** What a Camunda Form submits: text, numbers, booleans, dates (and null for a cleared field). */
    private static boolean plain(Object value) {
        if (value instanceof TypedValue typed) {
            ValueType type = typed.getType();
            if (type == null) {
                return plain(typed.getValue());
            }
            return type.isPrimitiveValueType() && !ValueType.BYTES.equals(type);
        }
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Date;
    }

    private static Field field(Class<?> type, String name) {
        Field field = ReflectionUtils.findField(type, name);
        if (field == null) {
            throw new IllegalStateException(type.getName() + " has no field '" + name + "': this Camunda version is not "
                    + "the one TaskSubmissionGuard was written for; check the guard before starting.");
        }
        ReflectionUtils.makeAccessible(field);
        return field;
    }

    private static Object read(Field field, Object command) {
        return ReflectionUtils.getField(field, command);
    }
}

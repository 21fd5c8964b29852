package org.vouchsafe.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.HistoricEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbBulkOperation;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperationManager;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityInfoEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MembershipEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TenantEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TenantMembershipEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/**
 * What one engine command is about to write to the database, read from its command context's
 * entity cache before the flush, and described for the audit log.
 *
 * <p>Every row Camunda writes goes through its {@link DbEntityManager}: an entity inserted in
 * the command is {@code TRANSIENT} in the cache, one deleted is {@code DELETED_PERSISTENT} or
 * {@code DELETED_MERGED}, one changed is {@code MERGED} or a {@code PERSISTENT} entity that
 * {@link CachedDbEntity#isDirty() is dirty} (its persistent state differs from the copy taken
 * when it was loaded: exactly the test the flush applies), and statements such as "delete all
 * memberships of this user" are bulk operations. Whether a command writes is therefore
 * Camunda's own answer, whatever the command's class, and a read never appears here.
 *
 * <p>Descriptions name ids, names and keys, never a password, a comment's text or a user's
 * profile; a variable's value only for simple types, shortened, and not at all when the
 * variable's name looks like a secret (audit events cannot be erased, see ADR 0003).
 */
final class EngineWrites {

    /** Names of variables and properties whose values are never copied into the audit log. */
    static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)pass|secret|token|credential|private|key|salt|nonce|answer|otp|cookie|session");
    static final int MAX_STRING_VALUE = 40;

    /** How a row is written. */
    enum Kind {
        CREATED("created"), CHANGED("changed"), DELETED("deleted");

        private final String verb;

        Kind(String verb) {
            this.verb = verb;
        }

        String verb() {
            return verb;
        }
    }

    /** One entity the command inserts, updates or deletes. */
    record Write(Kind kind, DbEntity entity) {

        /** Camunda's history tables, the user operation log among them; comments and attachments are content. */
        boolean isHistory() {
            return entity instanceof HistoricEntity && !(entity instanceof Comment) && !(entity instanceof Attachment);
        }

        boolean isIdentity() {
            return isIdentityType(entity.getClass());
        }

        /** The process instance the row belongs to, or null. */
        String processInstanceId() {
            return processInstanceOf(entity);
        }

        String describe() {
            String subject;
            try {
                subject = EngineWrites.describe(entity);
            } catch (RuntimeException unexpected) {
                // A description must never stop the event from being recorded; the type and id still say what.
                subject = typeName(entity.getClass()) + " " + entity.getId();
            }
            if (entity instanceof VariableInstanceEntity variable && kind == Kind.DELETED) {
                // Deleting a variable clears its value and scope fields; its name is what is left.
                return "removed variable " + variable.getName();
            }
            if (entity instanceof VariableInstanceEntity) {
                return "set " + subject;
            }
            return kind.verb() + " " + subject;
        }
    }

    private final List<Write> writes;
    private final List<DbBulkOperation> bulkOperations;

    private EngineWrites(List<Write> writes, List<DbBulkOperation> bulkOperations) {
        this.writes = List.copyOf(writes);
        this.bulkOperations = List.copyOf(bulkOperations);
    }

    /** The writes the entity manager will flush at the end of the current command. */
    static EngineWrites pendingIn(DbEntityManager db) {
        List<Write> writes = new ArrayList<>();
        for (CachedDbEntity cached : db.getDbEntityCache().getCachedEntities()) {
            Kind kind = switch (cached.getEntityState()) {
                case TRANSIENT -> Kind.CREATED;
                case MERGED -> Kind.CHANGED;
                case PERSISTENT -> cached.isDirty() ? Kind.CHANGED : null;
                case DELETED_PERSISTENT, DELETED_MERGED -> Kind.DELETED;
                // DELETED_TRANSIENT: inserted and deleted again in the same command, never written.
                default -> null;
            };
            if (kind != null) {
                writes.add(new Write(kind, cached.getEntity()));
            }
        }
        DbOperationManager operations = db.getDbOperationManager();
        Set<DbBulkOperation> bulk = Collections.newSetFromMap(new IdentityHashMap<>());
        List<DbBulkOperation> ordered = new ArrayList<>();
        for (DbBulkOperation operation : operations.bulkOperationsInsertionOrder) {
            if (bulk.add(operation)) {
                ordered.add(operation);
            }
        }
        operations.bulkOperations.values().forEach(set -> set.forEach(operation -> {
            if (bulk.add(operation)) {
                ordered.add(operation);
            }
        }));
        return new EngineWrites(writes, ordered);
    }

    boolean isEmpty() {
        return writes.isEmpty() && bulkOperations.isEmpty();
    }

    List<Write> writes() {
        return writes;
    }

    /**
     * Rows of the engine's state (not history, operation log or byte arrays), what a reader asks
     * about first leading: identities, deployments, process instances, tasks, jobs, variables,
     * and the executions inside a process instance last.
     */
    List<Write> stateWrites() {
        return writes.stream().filter(w -> !w.isHistory() && !(w.entity() instanceof ByteArrayEntity))
                .sorted(Comparator.comparingInt(w -> rank(w.entity())))
                .toList();
    }

    private static int rank(DbEntity entity) {
        if (entity instanceof UserEntity || entity instanceof GroupEntity || entity instanceof TenantEntity) {
            return 0;
        } else if (entity instanceof MembershipEntity || entity instanceof TenantMembershipEntity
                || entity instanceof IdentityInfoEntity) {
            return 1;
        } else if (entity instanceof Authorization) {
            return 2;
        } else if (entity instanceof Deployment || entity instanceof Resource || entity instanceof ResourceDefinition) {
            return 3;
        } else if (entity instanceof ProcessInstance instance && instance.getId().equals(instance.getProcessInstanceId())) {
            return 4;
        } else if (entity instanceof Task || entity instanceof IdentityLink || entity instanceof Comment
                || entity instanceof Attachment) {
            return 5;
        } else if (entity instanceof Job || entity instanceof JobDefinition || entity instanceof Incident
                || entity instanceof ExternalTask || entity instanceof Batch) {
            return 6;
        } else if (entity instanceof VariableInstanceEntity) {
            return 7;
        } else if (entity instanceof Execution) {
            return 9;
        }
        return 8;
    }

    /** Rows of Camunda's history tables the command writes (its user operation log entries among them). */
    long historyRows() {
        return writes.stream().filter(Write::isHistory).count();
    }

    /** Whether everything but history concerns users, groups, memberships, tenants or authorizations. */
    boolean onlyIdentity() {
        List<Write> state = stateWrites();
        boolean anyIdentity = state.stream().anyMatch(Write::isIdentity)
                || bulkOperations.stream().anyMatch(b -> isIdentityType(b.getEntityType()));
        return anyIdentity && state.stream().allMatch(Write::isIdentity)
                && bulkOperations.stream().allMatch(b -> isIdentityType(b.getEntityType())
                        || HistoricEntity.class.isAssignableFrom(b.getEntityType()));
    }

    /** Every process instance whose rows the command writes, in the order first met. */
    Set<String> processInstanceIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (Write write : writes) {
            String id = write.processInstanceId();
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Camunda's own user operation log entries written by the command: its name for what the user did. */
    List<String> operations() {
        Set<String> operations = new LinkedHashSet<>();
        for (Write write : writes) {
            if (write.kind() == Kind.CREATED && write.entity() instanceof UserOperationLogEntry entry) {
                StringBuilder text = new StringBuilder().append(entry.getEntityType()).append(' ')
                        .append(entry.getOperationType());
                String property = entry.getProperty();
                if (property != null && !property.isBlank()) {
                    text.append(' ').append(property);
                    if (!SECRET_NAME.matcher(property).find()) {
                        text.append(": ").append(shorten(entry.getOrgValue(), 60)).append(" -> ")
                                .append(shorten(entry.getNewValue(), 60));
                    }
                }
                operations.add(text.toString());
            }
        }
        return List.copyOf(operations);
    }

    /** Statements that change many rows at once (for example deleting a user's memberships). */
    List<String> bulk() {
        return bulkOperations.stream()
                .map(b -> b.getOperationType().name().toLowerCase() + " " + b.getStatement() + parameter(b.getParameter()))
                .toList();
    }

    List<Write> deleted(Class<?> type) {
        return writes.stream().filter(w -> w.kind() == Kind.DELETED && type.isInstance(w.entity())).toList();
    }

    private static String parameter(Object parameter) {
        if (parameter instanceof String id) {
            return " (" + shorten(id, 64) + ")";
        }
        if (parameter instanceof Map<?, ?> map) {
            List<String> pairs = new ArrayList<>();
            map.forEach((k, v) -> {
                if (k instanceof String name && (v instanceof String || v instanceof Number || v instanceof Boolean)
                        && !SECRET_NAME.matcher(name).find()) {
                    pairs.add(name + "=" + shorten(v.toString(), 64));
                }
            });
            return pairs.isEmpty() ? "" : " (" + String.join(", ", pairs) + ")";
        }
        return "";
    }

    static boolean isIdentityType(Class<?> type) {
        return UserEntity.class.isAssignableFrom(type) || GroupEntity.class.isAssignableFrom(type)
                || MembershipEntity.class.isAssignableFrom(type) || TenantEntity.class.isAssignableFrom(type)
                || TenantMembershipEntity.class.isAssignableFrom(type) || IdentityInfoEntity.class.isAssignableFrom(type)
                || AuthorizationEntity.class.isAssignableFrom(type);
    }

    static String processInstanceOf(DbEntity entity) {
        if (entity instanceof HistoryEvent event) {
            return event.getProcessInstanceId();
        } else if (entity instanceof HistoricVariableInstance variable) {
            return variable.getProcessInstanceId();
        } else if (entity instanceof Execution execution) {
            return execution.getProcessInstanceId();
        } else if (entity instanceof Task task) {
            return task.getProcessInstanceId();
        } else if (entity instanceof VariableInstanceEntity variable) {
            return variable.getProcessInstanceId();
        } else if (entity instanceof Job job) {
            return job.getProcessInstanceId();
        } else if (entity instanceof Incident incident) {
            return incident.getProcessInstanceId();
        } else if (entity instanceof ExternalTask task) {
            return task.getProcessInstanceId();
        } else if (entity instanceof EventSubscription subscription) {
            return subscription.getProcessInstanceId();
        } else if (entity instanceof Comment comment) {
            return comment.getProcessInstanceId();
        } else if (entity instanceof Attachment attachment) {
            return attachment.getProcessInstanceId();
        }
        return null;
    }

    /** Which row, in a few words: ids, keys and names, never secrets or free text. */
    static String describe(DbEntity entity) {
        if (entity instanceof UserEntity user) {
            // Only the id: the entity also holds the password hash and the profile.
            return "user " + user.getId();
        } else if (entity instanceof GroupEntity group) {
            return "group " + group.getId();
        } else if (entity instanceof MembershipEntity membership) {
            return "membership of user " + membership.getUserId() + " in group " + membership.getGroupId();
        } else if (entity instanceof TenantEntity tenant) {
            return "tenant " + tenant.getId();
        } else if (entity instanceof TenantMembershipEntity membership) {
            return "membership of " + (membership.getUserId() != null ? "user " + membership.getUserId()
                    : "group " + membership.getGroupId()) + " in tenant " + membership.getTenantId();
        } else if (entity instanceof IdentityInfoEntity info) {
            // Account entries may carry a password: the key says which entry, never its value.
            return "user info " + info.getKey() + " of user " + info.getUserId();
        } else if (entity instanceof Authorization authorization) {
            return "authorization " + authorization.getId() + " (" + authorizationType(authorization.getAuthorizationType())
                    + " on " + resourceName(authorization.getResourceType()) + " " + authorization.getResourceId() + " for "
                    + (authorization.getUserId() != null ? "user " + authorization.getUserId()
                            : "group " + authorization.getGroupId()) + ")";
        } else if (entity instanceof Deployment deployment) {
            return "deployment " + deployment.getId() + " (" + shorten(deployment.getName(), 60) + ")";
        } else if (entity instanceof Resource resource) {
            return "resource " + shorten(resource.getName(), 100) + " of deployment " + resource.getDeploymentId();
        } else if (entity instanceof ResourceDefinition definition) {
            return typeName(entity.getClass()) + " " + definition.getKey() + ":" + definition.getVersion();
        } else if (entity instanceof ProcessInstance instance && instance.getId().equals(instance.getProcessInstanceId())) {
            return "process instance " + instance.getId();
        } else if (entity instanceof Execution execution) {
            return "execution " + execution.getId() + " of process instance " + execution.getProcessInstanceId()
                    + activity(entity);
        } else if (entity instanceof Task task) {
            return "task " + task.getId() + " (" + task.getTaskDefinitionKey() + ")"
                    + (task.getAssignee() != null ? ", assignee " + task.getAssignee() : "")
                    + (task.getOwner() != null ? ", owner " + task.getOwner() : "")
                    + (task.getDelegationState() != null ? ", " + task.getDelegationState().name().toLowerCase() : "");
        } else if (entity instanceof IdentityLink link) {
            return link.getType() + " link of " + (link.getUserId() != null ? "user " + link.getUserId()
                    : "group " + link.getGroupId())
                    + (link.getTaskId() != null ? " to task " + link.getTaskId() : " to process definition "
                            + link.getProcessDefId());
        } else if (entity instanceof VariableInstanceEntity variable) {
            return "variable " + variable.getName() + " of " + scope(variable) + " = " + value(variable);
        } else if (entity instanceof JobEntity job) {
            return "job " + job.getId() + " (" + job.getJobHandlerType() + activity(entity) + ")"
                    + (job.getDuedate() != null ? ", due " + job.getDuedate().toInstant() : "")
                    + ", retries " + job.getRetries() + (job.isSuspended() ? ", suspended" : "");
        } else if (entity instanceof JobDefinition definition) {
            return "job definition " + definition.getId() + " (" + definition.getJobType() + ", "
                    + definition.getActivityId() + ")" + (definition.isSuspended() ? ", suspended" : "");
        } else if (entity instanceof Incident incident) {
            return "incident " + incident.getId() + " (" + incident.getIncidentType() + ", "
                    + incident.getActivityId() + ")";
        } else if (entity instanceof ExternalTask task) {
            return "external task " + task.getId() + " (topic " + task.getTopicName() + ")"
                    + (task.getWorkerId() != null ? ", worker " + shorten(task.getWorkerId(), 60) : "")
                    + (task.getRetries() != null ? ", retries " + task.getRetries() : "");
        } else if (entity instanceof Batch batch) {
            return "batch " + batch.getId() + " (" + batch.getType() + ")";
        } else if (entity instanceof Filter filter) {
            return "filter " + filter.getId() + " (" + shorten(filter.getName(), 60) + ", owner " + filter.getOwner() + ")";
        } else if (entity instanceof Comment comment) {
            // Never the text: comments are free text about people.
            return "comment " + comment.getId() + (comment.getTaskId() != null ? " on task " + comment.getTaskId()
                    : " on process instance " + comment.getProcessInstanceId());
        } else if (entity instanceof Attachment attachment) {
            return "attachment " + attachment.getId() + (attachment.getTaskId() != null
                    ? " on task " + attachment.getTaskId() : "");
        } else if (entity instanceof EventSubscription subscription) {
            return subscription.getEventType() + " subscription " + subscription.getEventName()
                    + (subscription.getProcessInstanceId() != null
                            ? " of process instance " + subscription.getProcessInstanceId() : "");
        } else if (entity instanceof PropertyEntity property) {
            return "engine property " + property.getName();
        }
        return typeName(entity.getClass()) + " " + entity.getId();
    }

    /** A simple value, shortened; other types (objects, bytes, files, JSON) and secret-looking names by type only. */
    static String value(VariableInstanceEntity variable) {
        String type = variable.getSerializerName();
        if (type == null) {
            return "(unknown type)";
        }
        if (variable.getName() != null && SECRET_NAME.matcher(variable.getName()).find()) {
            return type + " (value not recorded)";
        }
        Long number = variable.getLongValue();
        return switch (type) {
            case "null" -> "null";
            case "string" -> "string \"" + shorten(variable.getTextValue(), MAX_STRING_VALUE) + "\"";
            case "boolean" -> "boolean " + (number != null && number == 1);
            case "integer", "long", "short" -> type + " " + number;
            case "double" -> "double " + variable.getDoubleValue();
            case "date" -> "date " + (number == null ? "null" : Instant.ofEpochMilli(number).toString());
            default -> type + " (value not recorded)";
        };
    }

    private static String scope(VariableInstanceEntity variable) {
        if (variable.getTaskId() != null) {
            return "task " + variable.getTaskId();
        }
        if (variable.getExecutionId() != null && !variable.getExecutionId().equals(variable.getProcessInstanceId())) {
            return "execution " + variable.getExecutionId() + " of process instance " + variable.getProcessInstanceId();
        }
        if (variable.getProcessInstanceId() != null) {
            return "process instance " + variable.getProcessInstanceId();
        }
        return variable.getBatchId() != null ? "batch " + variable.getBatchId() : "no scope";
    }

    private static String activity(DbEntity entity) {
        String activity = entity instanceof ExecutionEntity execution ? execution.getActivityId()
                : entity instanceof JobEntity job ? job.getActivityId()
                : null;
        return activity == null ? "" : ", activity " + activity;
    }

    private static String authorizationType(int type) {
        return switch (type) {
            case Authorization.AUTH_TYPE_GLOBAL -> "global";
            case Authorization.AUTH_TYPE_GRANT -> "grant";
            case Authorization.AUTH_TYPE_REVOKE -> "revoke";
            default -> "type " + type;
        };
    }

    private static String resourceName(int type) {
        for (Resources resource : Resources.values()) {
            if (resource.resourceType() == type) {
                return resource.resourceName();
            }
        }
        return "resource " + type;
    }

    /** {@code VariableInstanceEntity} becomes "VariableInstance". */
    static String typeName(Class<?> type) {
        String name = type.getSimpleName();
        return name.endsWith("Entity") ? name.substring(0, name.length() - "Entity".length()) : name;
    }

    static String shorten(String text, int max) {
        if (text == null) {
            return "null";
        }
        return text.length() <= max ? text : text.substring(0, max) + "… (" + text.length() + " characters)";
    }
}

package org.vouchsafe.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * One model under {@code processes/} and the constants class that names its process, elements and
 * messages: the table the wiring and diagram tests run over, so that every model gets every check.
 *
 * @param file       the file under {@code processes/}
 * @param processKey the process id the Java code starts or calls it by
 * @param activities the class whose String constants are element ids of this model
 * @param messages   the class whose String constants are message names of this model
 * @param numbered   constants that are prefixes of numbered ids, with the count ({@code Task_CheckCriterion1..9})
 */
record ProcessModel(String file, String processKey, Class<?> activities, Class<?> messages, Map<String, Integer> numbered) {

    /** Every model the application deploys; {@code ProcessWiringTests} checks that none is missing. */
    static final List<ProcessModel> ALL = List.of(
            new ProcessModel("membership-request.bpmn", MembershipProcess.PROCESS_KEY, MembershipProcess.Activities.class,
                    MembershipProcess.Messages.class, Map.of(MembershipProcess.Activities.CHECK_PREFIX, 9)),
            new ProcessModel("challenge-response.bpmn", ChallengeProcess.PROCESS_KEY, ChallengeProcess.Activities.class,
                    ChallengeProcess.Messages.class, Map.of()),
            new ProcessModel("vouching.bpmn", VouchingProcess.PROCESS_KEY, VouchingProcess.Activities.class,
                    VouchingProcess.Messages.class, Map.of()),
            new ProcessModel("role-accountability.bpmn", AccountabilityProcess.PROCESS_KEY,
                    AccountabilityProcess.Activities.class, AccountabilityProcess.Messages.class, Map.of()),
            new ProcessModel("leak-incident.bpmn", IncidentProcess.PROCESS_KEY, IncidentProcess.Activities.class,
                    IncidentProcess.Messages.class, Map.of()));

    /** The model as the engine deploys it from the classpath. */
    BpmnModelInstance read() {
        try (InputStream in = ProcessModel.class.getResourceAsStream("/processes/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no processes/" + file + " on the classpath");
            }
            return Bpmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The element ids the Java code names, numbered prefixes expanded. */
    List<String> activityIds() {
        List<String> ids = new ArrayList<>();
        for (String id : constants(activities)) {
            Integer count = numbered.get(id);
            if (count == null) {
                ids.add(id);
            } else {
                for (int n = 1; n <= count; n++) {
                    ids.add(id + n);
                }
            }
        }
        return ids;
    }

    List<String> messageNames() {
        return constants(messages);
    }

    /** The values of the public static final String fields of {@code holder}. */
    static List<String> constants(Class<?> holder) {
        List<String> values = new ArrayList<>();
        for (Field field : holder.getDeclaredFields()) {
            int mod = field.getModifiers();
            if (Modifier.isStatic(mod) && Modifier.isFinal(mod) && field.getType() == String.class) {
                try {
                    values.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }

    /** The test's display name. */
    @Override
    public String toString() {
        return file;
    }
}

package org.vouchsafe.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.Expression;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.vouchsafe.VouchsafeTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every name a process model uses resolves: beans behind expressions, forms behind formRefs,
 * decisions behind decisionRefs, and the ids the Java code names exist in the model. A typo
 * here would otherwise surface only when a request reaches that step.
 */
@VouchsafeTest
class ProcessWiringTests {

    /** Identifiers the engine itself provides in expressions. */
    private static final Set<String> BUILT_INS = Set.of("execution", "task", "true", "false", "null", "empty", "not",
            "and", "or", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)(\\s*\\.)?");
    private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern BEAN_ONLY = Pattern.compile("\\$\\{\\s*([A-Za-z_]\\w*)\\s*}");

    @Autowired
    ApplicationContext context;

    private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
    private List<BpmnModelInstance> models;

    @BeforeEach
    void parseModels() throws IOException {
        models = new ArrayList<>();
        Resource[] files = resources.getResources("classpath*:processes/*.bpmn");
        assertThat(files).as("BPMN files under processes/").isNotEmpty();
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                models.add(Bpmn.readModelFromStream(in));
            }
        }
    }

    @Test
    void shouldResolveEveryDelegateExpressionToABeanOfTheRightKind() {
        List<String> problems = new ArrayList<>();
        for (BpmnModelInstance model : models) {
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                delegate(task.getId(), task.getCamundaDelegateExpression(), JavaDelegate.class, problems);
                expression(task.getId(), task.getCamundaExpression(), problems);
            }
            for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
                String owner = owner(listener);
                delegate(owner, listener.getCamundaDelegateExpression(), TaskListener.class, problems);
                expression(owner, listener.getCamundaExpression(), problems);
            }
            for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
                String owner = owner(listener);
                delegate(owner, listener.getCamundaDelegateExpression(), ExecutionListener.class, problems);
                expression(owner, listener.getCamundaExpression(), problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldResolveEveryCollectionTimerAndConditionExpression() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (BpmnModelInstance model : models) {
            for (MultiInstanceLoopCharacteristics loop : model.getModelElementsByType(MultiInstanceLoopCharacteristics.class)) {
                expression(owner(loop), loop.getCamundaCollection(), problems);
                if (loop.getCompletionCondition() != null) {
                    expression(owner(loop), loop.getCompletionCondition().getTextContent(), problems);
                }
                checked++;
            }
            for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
                for (Expression e : Arrays.asList(timer.getTimeDate(), timer.getTimeDuration(), timer.getTimeCycle())) {
                    if (e != null) {
                        expression(owner(timer), e.getTextContent(), problems);
                        checked++;
                    }
                }
            }
            for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
                expression(owner(condition), condition.getTextContent(), problems);
                checked++;
            }
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                expression(task.getId(), task.getCamundaAssignee(), problems);
            }
        }
        assertThat(checked).as("expressions found").isGreaterThan(0);
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldEnterOnlyStatusesThatExist() {
        Pattern enter = Pattern.compile("requestStatus\\.enter\\(\\s*execution\\s*,\\s*'([^']*)'\\s*\\)");
        List<String> statuses = new ArrayList<>();
        for (BpmnModelInstance model : models) {
            for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
                if (listener.getCamundaExpression() != null) {
                    Matcher m = enter.matcher(listener.getCamundaExpression());
                    while (m.find()) {
                        statuses.add(m.group(1));
                    }
                }
            }
        }
        assertThat(statuses).isNotEmpty();
        Set<String> known = new HashSet<>();
        for (org.vouchsafe.intake.RequestStatus s : org.vouchsafe.intake.RequestStatus.values()) {
            known.add(s.name());
        }
        assertThat(known).containsAll(statuses);
    }

    @Test
    void shouldHaveAFormFileForEveryFormRefWithThatId() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> refs = new ArrayList<>();
        for (BpmnModelInstance model : models) {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String ref = task.getCamundaFormRef();
                assertThat(ref).as("formRef of %s", task.getId()).isNotBlank();
                refs.add(ref);
                ClassPathResource form = new ClassPathResource("forms/" + ref + ".form");
                assertThat(form.exists()).as("forms/%s.form for %s", ref, task.getId()).isTrue();
                try (InputStream in = form.getInputStream()) {
                    JsonNode root = json.readTree(in);
                    assertThat(root.path("id").asText()).as("id of forms/%s.form", ref).isEqualTo(ref);
                }
            }
        }
        assertThat(refs).isNotEmpty();
    }

    @Test
    void shouldHaveADecisionForEveryDecisionRef() throws IOException {
        Set<String> decisions = new HashSet<>();
        for (Resource file : resources.getResources("classpath*:processes/*.dmn")) {
            try (InputStream in = file.getInputStream()) {
                DmnModelInstance dmn = Dmn.readModelFromStream(in);
                dmn.getModelElementsByType(Decision.class).forEach(d -> decisions.add(d.getId()));
            }
        }
        List<String> refs = new ArrayList<>();
        for (BpmnModelInstance model : models) {
            for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
                refs.add(task.getCamundaDecisionRef());
                assertThat(decisions).as("decision %s of %s", task.getCamundaDecisionRef(), task.getId())
                        .contains(task.getCamundaDecisionRef());
            }
        }
        assertThat(refs).contains(MembershipProcess.PRESCREEN_DECISION);
    }

    @Test
    void shouldNameOnlyElementsThatExistInTheMembershipModel() throws IllegalAccessException {
        BpmnModelInstance model = models.stream()
                .filter(m -> m.getModelElementById(MembershipProcess.PROCESS_KEY) != null)
                .findFirst().orElseThrow(() -> new AssertionError("no model defines " + MembershipProcess.PROCESS_KEY));
        for (String id : constants(MembershipProcess.Activities.class)) {
            if (id.equals(MembershipProcess.Activities.CHECK_PREFIX)) {
                for (int n = 1; n <= 9; n++) {
                    assertThat((ModelElementInstance) model.getModelElementById(id + n)).as(id + n).isInstanceOf(ServiceTask.class);
                }
            } else {
                assertThat((ModelElementInstance) model.getModelElementById(id)).as(id).isInstanceOf(FlowElement.class);
            }
        }
        Set<String> messages = new HashSet<>();
        model.getModelElementsByType(Message.class).forEach(m -> messages.add(m.getName()));
        assertThat(messages).containsAll(constants(MembershipProcess.Messages.class));
    }

    private void delegate(String owner, String expression, Class<?> kind, List<String> problems) {
        if (expression == null) {
            return;
        }
        Matcher bean = BEAN_ONLY.matcher(expression);
        if (!bean.matches()) {
            problems.add(owner + ": delegateExpression " + expression + " is not ${beanName}");
            return;
        }
        String name = bean.group(1);
        if (!context.containsBean(name)) {
            problems.add(owner + ": no bean " + name);
        } else if (!kind.isInstance(context.getBean(name))) {
            problems.add(owner + ": bean " + name + " is not a " + kind.getSimpleName());
        }
    }

    /**
     * Each identifier in an expression is a bean (whose called method exists) or a process
     * variable declared in {@link MembershipProcess.Variables}.
     */
    private void expression(String owner, String expression, List<String> problems) {
        if (expression == null || !expression.contains("${")) {
            return;
        }
        Set<String> variables;
        try {
            variables = new HashSet<>(constants(MembershipProcess.Variables.class));
            variables.addAll(constants(VouchingProcess.Variables.class));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        String body = STRING_LITERAL.matcher(expression.trim()).replaceAll("''").replace("${", " ").replace("}", " ");
        Matcher m = IDENTIFIER.matcher(body);
        while (m.find()) {
            String name = m.group(1);
            boolean called = m.group(2) != null;
            if (BUILT_INS.contains(name)) {
                continue;
            }
            if (called) {
                if (!context.containsBean(name)) {
                    problems.add(owner + ": " + expression + " calls a method of " + name + ", which is no bean");
                } else {
                    String method = body.substring(m.end()).trim().split("[^\\w]")[0];
                    Class<?> type = AopUtils.getTargetClass(context.getBean(name));
                    boolean exists = Arrays.stream(type.getMethods()).map(Method::getName).anyMatch(method::equals);
                    if (!exists) {
                        problems.add(owner + ": bean " + name + " has no public method " + method);
                    }
                }
            } else if (!context.containsBean(name) && !variables.contains(name)) {
                problems.add(owner + ": " + expression + " names " + name
                        + ", which is neither a bean nor a variable in MembershipProcess.Variables or VouchingProcess.Variables");
            }
        }
    }

    private static String owner(ModelElementInstance element) {
        for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
            if (e instanceof BaseElement base && base.getId() != null) {
                return base.getId();
            }
        }
        return element.getElementType().getTypeName();
    }

    private static List<String> constants(Class<?> holder) throws IllegalAccessException {
        List<String> values = new ArrayList<>();
        for (Field field : holder.getDeclaredFields()) {
            int mod = field.getModifiers();
            if (Modifier.isStatic(mod) && Modifier.isFinal(mod) && field.getType() == String.class) {
                values.add((String) field.get(null));
            }
        }
        return values;
    }
}

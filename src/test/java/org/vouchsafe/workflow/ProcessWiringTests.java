package org.vouchsafe.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.Expression;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
 * decisions behind decisionRefs, processes behind call activities, and the ids and message names
 * the Java code uses exist in the model. A typo here would otherwise surface only when a request
 * reaches that step. Each check runs over every model under {@code processes/} ({@link ProcessModel#ALL}).
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

    @Autowired
    RepositoryService repository;

    private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

    static Stream<ProcessModel> models() {
        return ProcessModel.ALL.stream();
    }

    @Test
    void shouldCheckEveryModelUnderProcesses() throws IOException {
        Set<String> files = new HashSet<>();
        for (Resource file : resources.getResources("classpath*:processes/*.bpmn")) {
            files.add(file.getFilename());
        }
        assertThat(files).as("BPMN files under processes/").isNotEmpty();
        assertThat(ProcessModel.ALL.stream().map(ProcessModel::file).toList())
                .as("models in ProcessModel.ALL").containsExactlyInAnyOrderElementsOf(files);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void shouldResolveEveryDelegateExpressionToABeanOfTheRightKind(ProcessModel process) {
        BpmnModelInstance model = process.read();
        List<String> problems = new ArrayList<>();
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
        assertThat(problems).isEmpty();
    }

    /** A mail task is told which mail to send by its id: every one must be in the delegate's table. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void shouldKnowTheMailOfEveryMailTask(ProcessModel process) {
        List<String> unknown = process.read().getModelElementsByType(ServiceTask.class).stream()
                .filter(task -> "${notify}".equals(task.getCamundaDelegateExpression()))
                .map(ServiceTask::getId)
                .filter(id -> !NotificationDelegate.MAILS.containsKey(id))
                .toList();
        assertThat(unknown).as("mail tasks missing from NotificationDelegate.MAILS").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void shouldResolveEveryCollectionTimerAndConditionExpression(ProcessModel process) {
        BpmnModelInstance model = process.read();
        List<String> problems = new ArrayList<>();
        int checked = 0;
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
        assertThat(checked).as("expressions found").isGreaterThan(0);
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldEnterOnlyStatusesThatExist() {
        Pattern enter = Pattern.compile("requestStatus\\.enter\\(\\s*execution\\s*,\\s*'([^']*)'\\s*\\)");
        List<String> statuses = new ArrayList<>();
        for (ProcessModel process : ProcessModel.ALL) {
            for (CamundaExecutionListener listener : process.read().getModelElementsByType(CamundaExecutionListener.class)) {
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void shouldHaveAFormFileForEveryFormRefWithThatId(ProcessModel process) throws IOException {
        for (UserTask task : process.read().getModelElementsByType(UserTask.class)) {
            String ref = task.getCamundaFormRef();
            assertThat(ref).as("formRef of %s", task.getId()).isNotBlank();
            assertThat(formId(ref)).as("id of forms/%s.form", ref).isEqualTo(ref);
        }
    }

    @Test
    void shouldUseEveryFormFileInSomeModel() throws IOException {
        Set<String> refs = new HashSet<>();
        for (ProcessModel process : ProcessModel.ALL) {
            process.read().getModelElementsByType(UserTask.class).forEach(t -> refs.add(t.getCamundaFormRef()));
        }
        List<String> forms = new ArrayList<>();
        for (Resource file : resources.getResources("classpath*:forms/*.form")) {
            forms.add(file.getFilename().replaceFirst("\\.form$", ""));
        }
        assertThat(forms).as("forms under forms/").isNotEmpty();
        assertThat(refs).as("formRefs of all models").containsAll(forms);
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
        for (ProcessModel process : ProcessModel.ALL) {
            for (BusinessRuleTask task : process.read().getModelElementsByType(BusinessRuleTask.class)) {
                refs.add(task.getCamundaDecisionRef());
                assertThat(decisions).as("decision %s of %s in %s", task.getCamundaDecisionRef(), task.getId(), process)
                        .contains(task.getCamundaDecisionRef());
            }
        }
        assertThat(refs).contains(MembershipProcess.PRESCREEN_DECISION);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void shouldCallOnlyDeployedProcesses(ProcessModel process) {
        for (CallActivity call : process.read().getModelElementsByType(CallActivity.class)) {
            String key = call.getCalledElement();
            assertThat(key).as("calledElement of %s", call.getId()).isNotBlank();
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count())
                    .as("deployed process %s, called by %s", key, call.getId()).isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void shouldNameOnlyElementsAndMessagesThatExistInTheModel(ProcessModel process) {
        BpmnModelInstance model = process.read();
        assertThat((ModelElementInstance) model.getModelElementById(process.processKey())).as(process.processKey())
                .isInstanceOfSatisfying(Process.class, p -> assertThat(p.isExecutable()).isTrue());
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(process.processKey()).count())
                .as("deployed %s", process.processKey()).isPositive();
        List<String> ids = process.activityIds();
        assertThat(ids).as(process.activities().getName()).isNotEmpty();
        for (String id : ids) {
            assertThat((ModelElementInstance) model.getModelElementById(id)).as("%s in %s", id, process)
                    .isInstanceOf(FlowElement.class);
        }
        Set<String> messages = new HashSet<>();
        model.getModelElementsByType(Message.class).forEach(m -> messages.add(m.getName()));
        assertThat(process.messageNames()).as(process.messages().getName()).isNotEmpty();
        assertThat(messages).as("messages defined in %s", process).containsAll(process.messageNames());
    }

    private static String formId(String ref) throws IOException {
        ClassPathResource form = new ClassPathResource("forms/" + ref + ".form");
        assertThat(form.exists()).as("forms/%s.form", ref).isTrue();
        try (InputStream in = form.getInputStream()) {
            JsonNode root = new ObjectMapper().readTree(in);
            return root.path("id").asText();
        }
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
        Set<String> variables = new HashSet<>(ProcessModel.constants(MembershipProcess.Variables.class));
        variables.addAll(ProcessModel.constants(VouchingProcess.Variables.class));
        variables.addAll(ProcessModel.constants(AccountabilityProcess.Variables.class));
        variables.addAll(ProcessModel.constants(IncidentProcess.Variables.class));
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
                        + ", which is neither a bean nor a variable of a process's Variables class");
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
}

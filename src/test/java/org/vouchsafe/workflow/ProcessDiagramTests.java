package org.vouchsafe.workflow;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated models keep a complete diagram: Cockpit and Modeler draw only what has a shape or
 * an edge, so an element without one would run but be invisible to the admin. Runs over every model
 * under {@code processes/} ({@link ProcessModel#ALL}; {@code ProcessWiringTests} checks none is missing).
 */
class ProcessDiagramTests {

    static Stream<ProcessModel> models() {
        return ProcessModel.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void shouldDrawEveryElementOfTheProcess(ProcessModel process) {
        BpmnModelInstance model = process.read();
        Bpmn.validateModel(model);

        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());

        assertThat(shapes).containsAll(model.getModelElementsByType(FlowNode.class).stream()
                .map(FlowNode::getId).toList());
        assertThat(edges).containsAll(model.getModelElementsByType(SequenceFlow.class).stream()
                .map(SequenceFlow::getId).toList());
        assertThat(model.getModelElementsByType(BpmnEdge.class))
                .allSatisfy(e -> assertThat(e.getWaypoints()).hasSizeGreaterThanOrEqualTo(2));
    }
}

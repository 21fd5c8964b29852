package org.vouchsafe.workflow;

import java.io.InputStream;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated models keep a complete diagram: Cockpit and Modeler draw only what has a shape or
 * an edge, so an element without one would run but be invisible to the admin.
 */
class ProcessDiagramTests {

    @ParameterizedTest
    @ValueSource(strings = {"membership-request.bpmn", "challenge-response.bpmn"})
    void shouldDrawEveryElementOfTheProcess(String file) throws Exception {
        BpmnModelInstance model;
        try (InputStream in = getClass().getResourceAsStream("/processes/" + file)) {
            model = Bpmn.readModelFromStream(in);
        }
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

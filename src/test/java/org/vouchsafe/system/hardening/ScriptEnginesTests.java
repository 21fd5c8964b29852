package org.vouchsafe.system.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.script.ScriptEngineManager;

import org.junit.jupiter.api.Test;

/**
 * A BPMN script task or listener runs whatever JSR-223 engine is on the classpath. Only the
 * expression languages Camunda itself ships (JUEL, FEEL) may be there: no Groovy, JavaScript
 * (Nashorn, Graal.js, Rhino) or Python.
 */
class ScriptEnginesTests {

    private final ScriptEngineManager manager = new ScriptEngineManager();

    @Test
    void shouldFindNoGeneralPurposeScriptEngine() {
        for (String name : List.of("groovy", "Groovy", "javascript", "JavaScript", "js", "ecmascript", "nashorn",
                "graal.js", "rhino", "python", "jython", "ruby", "jruby", "kotlin")) {
            assertThat(manager.getEngineByName(name)).as(name).isNull();
        }
        assertThat(manager.getEngineByExtension("groovy")).isNull();
        assertThat(manager.getEngineByExtension("js")).isNull();
        assertThat(manager.getEngineByExtension("py")).isNull();
    }

    @Test
    void shouldOfferOnlyCamundasOwnExpressionLanguages() {
        List<String> factories = manager.getEngineFactories().stream()
                .map(factory -> factory.getClass().getName())
                .toList();

        // JUEL (camunda-engine) and FEEL (feel-engine, external Java functions off by default) only.
        assertThat(factories).isSubsetOf(
                "org.camunda.bpm.engine.impl.scripting.engine.JuelScriptEngineFactory",
                "org.camunda.feel.impl.script.FeelScriptEngineFactory",
                "org.camunda.feel.impl.script.FeelUnaryTestsScriptEngineFactory");
    }
}

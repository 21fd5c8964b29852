package org.vouchsafe.cluster;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.vouchsafe.VouchsafeApplication;

/**
 * Starts one application node from the test classpath, as a separate JVM, for the cluster tests.
 * It is the production application plus two things a test needs: the test tree's own Spring
 * components are kept out of the component scan (as Spring Boot's test support does), and,
 * when {@code -Dvouchsafe.fault.hold-file} is set, a fault injection that makes the first node
 * to fire an objection-window timer hold the job's lock (it sleeps inside the job's transaction)
 * so that the test can kill it while it holds the lock.
 */
public final class ClusterNodeMain {

    private ClusterNodeMain() {
    }

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(VouchsafeApplication.class);
        app.addInitializers(context -> {
            context.getBeanFactory().registerSingleton("clusterTestExcludeFilter", new ExcludeTestComponents());
            String holdFile = System.getProperty("vouchsafe.fault.hold-file");
            if (holdFile != null) {
                context.getBeanFactory().registerSingleton("clusterHoldJobPlugin",
                        new HoldJobPlugin(Path.of(holdFile), System.getProperty("vouchsafe.node", "node")));
            }
        });
        app.run(args);
    }

    /** Keeps test classes (tests, their nested configurations, this package) out of the scan. */
    static final class ExcludeTestComponents extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            String name = reader.getClassMetadata().getClassName();
            return name.matches(".*(Tests|Test|IT)(\\$.*)?") || name.startsWith("org.vouchsafe.cluster.")
                    || name.startsWith("org.vouchsafe.bench.") || name.startsWith("org.vouchsafe.support.");
        }

        @Override
        public boolean equals(Object o) {
            return o != null && o.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return getClass().hashCode();
        }
    }

    /**
     * Adds an end listener to the objection-window timer event. The first node across the cluster
     * to run it (the one that creates the hold file) writes its name into the file and sleeps, so
     * the timer job stays locked by it until the test kills it. Any later run passes straight through.
     */
    static final class HoldJobPlugin extends AbstractProcessEnginePlugin {

        private final Path holdFile;
        private final String node;

        HoldJobPlugin(Path holdFile, String node) {
            this.holdFile = holdFile;
            this.node = node;
        }

        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
            if (listeners == null) {
                listeners = new java.util.ArrayList<>();
                configuration.setCustomPostBPMNParseListeners(listeners);
            }
            listeners.add(new AbstractBpmnParseListener() {
                @Override
                public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
                    if ("Event_ObjectionWindowClosed".equals(activity.getId())) {
                        activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) this::hold);
                    }
                }

                private void hold(DelegateExecution execution) throws Exception {
                    try {
                        Files.writeString(Files.createFile(holdFile), node + " " + execution.getProcessInstanceId());
                    } catch (FileAlreadyExistsException alreadyHeld) {
                        return;
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    System.out.println("HOLDING timer job of " + execution.getProcessInstanceId() + " on " + node);
                    Thread.sleep(600_000);
                }
            });
        }

        @Override
        public String toString() {
            return "HoldJobPlugin[" + node + "]";
        }
    }
}

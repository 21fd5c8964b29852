package org.vouchsafe.system;

import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start outside the demo profile unless {@code vouchsafe.admin.password} is set to
 * an acceptable password ({@link AdminPasswordPolicy}), and if Camunda's demo admin
 * ({@code camunda.bpm.admin-user}) is configured. It runs as a bean factory post-processor, so it
 * stops the start before the database, the engine or the web server exist.
 */
@Component
@Profile("!demo")
class AdminCredentialsGuard implements BeanFactoryPostProcessor, EnvironmentAware {

    static final String USERNAME = "vouchsafe.admin.username";
    static final String PASSWORD = "vouchsafe.admin.password";
    static final String DEFAULT_USERNAME = "admin";
    static final String CAMUNDA_ADMIN_USER = "camunda.bpm.admin-user.id";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment);
    }

    static void check(Environment environment) {
        if (environment.containsProperty(CAMUNDA_ADMIN_USER)) {
            throw new IllegalStateException("camunda.bpm.admin-user is set, but outside the demo profile there must be "
                    + "no Camunda demo admin; remove it and set " + PASSWORD + " instead.");
        }
        String username = environment.getProperty(USERNAME, DEFAULT_USERNAME);
        List<String> problems = AdminPasswordPolicy.problems(username, environment.getProperty(PASSWORD));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(message(problems));
        }
    }

    static String message(List<String> problems) {
        return "Refusing to start without a strong list admin password: " + PASSWORD + " (environment variable "
                + "VOUCHSAFE_ADMIN_PASSWORD) is not acceptable because " + String.join(", ", problems) + ". Outside "
                + "the demo profile it must be set explicitly, have at least " + AdminPasswordPolicy.MIN_LENGTH
                + " characters, not be a default such as 'demo' or 'changeme', and differ from the username.";
    }
}

package org.vouchsafe.pgp;

import java.nio.file.Path;
import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start outside the demo profile unless the list key has an acceptable passphrase
 * ({@link ListKeyPassphrase}): without one, {@link ListKey} would generate or unlock the key with the embedded
 * default, which anyone can read in the source code, and whoever copies the key file could sign as the list.
 * A configured {@code vouchsafe.pgp.list-key.path} must name an existing file: a missing one is a mount mistake,
 * and generating a fresh key there would silently change the list's identity.
 * <p>
 * Like the admin password guard it runs as a bean factory post-processor, so it stops the start before the
 * database, the engine or the web server exist, and before any key is generated.
 */
@Component
@Profile("!demo")
class ListKeyGuard implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final String ADMIN_PASSWORD = "vouchsafe.admin.password";

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
        String file = environment.getProperty(ListKeyPassphrase.PASSPHRASE_FILE);
        String passphrase = ListKeyPassphrase.resolve(environment.getProperty(ListKeyPassphrase.PASSPHRASE),
                file == null || file.isBlank() ? null : Path.of(file));
        List<String> problems = ListKeyPassphrase.problems(passphrase, environment.getProperty(ADMIN_PASSWORD));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(ListKeyPassphrase.message(problems));
        }
        String path = environment.getProperty(ListKeyPassphrase.PATH);
        if (path != null && !path.isBlank()) {
            ListKey.requireKeyFile(Path.of(path));
        }
    }
}

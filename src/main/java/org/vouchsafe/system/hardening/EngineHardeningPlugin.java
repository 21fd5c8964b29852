package org.vouchsafe.system.hardening;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Switches off the engine features that turn a query or a variable into code execution, and
 * caps query results. The Camunda Spring Boot starter applies every {@code ProcessEnginePlugin}
 * bean; this one is ordered last so that it overrides generic properties, and it checks after
 * initialisation that nothing switched the features back on.
 *
 * <p>{@code queryMaxResultsLimit} only binds while a user is authenticated on the engine
 * ({@code IdentityService.setAuthenticatedUserId}, which the REST API and the webapps do for
 * every call): then an unbounded {@code list()} and any page larger than the limit fail with
 * {@code BadUserRequestException}. Our own services call the engine without an authenticated
 * user, where the limit is not enforced (see Camunda's {@code QueryMaxResultsLimitUtil});
 * code that does set an authenticated user must page with {@code listPage(first, max)}.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class EngineHardeningPlugin extends AbstractProcessEnginePlugin {

    private final int queryMaxResults;

    EngineHardeningPlugin(HardeningProperties properties) {
        this.queryMaxResults = properties.queryMaxResults();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setEnableExpressionsInStoredQueries(false);
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setDeserializationTypeValidationEnabled(true);
        // Empty lists leave only the engine's built-in safe types (java.lang, a few java.util collections).
        configuration.setDeserializationAllowedClasses("");
        configuration.setDeserializationAllowedPackages("");
        configuration.setEnableXxeProcessing(false);
        configuration.setQueryMaxResultsLimit(queryMaxResults);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        boolean hardened = !configuration.isEnableExpressionsInAdhocQueries()
                && !configuration.isEnableExpressionsInStoredQueries()
                && !configuration.isJavaSerializationFormatEnabled()
                && configuration.isDeserializationTypeValidationEnabled()
                && !configuration.isEnableXxeProcessing()
                && configuration.getQueryMaxResultsLimit() == queryMaxResults;
        if (!hardened) {
            throw new IllegalStateException("A process engine plugin or property re-enabled a feature that "
                    + EngineHardeningPlugin.class.getSimpleName() + " switches off; refusing to start.");
        }
    }

    int queryMaxResults() {
        return queryMaxResults;
    }
}

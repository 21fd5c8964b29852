package org.vouchsafe.system.hardening;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Switches off the engine features that turn a query or a variable into code execution, caps
 * query results, and switches off the engine's own account lock. The Camunda Spring Boot
 * starter applies every {@code ProcessEnginePlugin} bean; this one is ordered last so that it overrides generic properties, and it checks after
 * initialisation that nothing switched the features back on.
 *
 * <p>{@code queryMaxResultsLimit} only binds while a user is authenticated on the engine
 * ({@code IdentityService.setAuthenticatedUserId}, which the REST API and the webapps do for
 * every call): then an unbounded {@code list()} and any page larger than the limit fail with
 * {@code BadUserRequestException}. Our own services call the engine without an authenticated
 * user, where the limit is not enforced (see Camunda's {@code QueryMaxResultsLimitUtil});
 * code that does set an authenticated user must page with {@code listPage(first, max)}.
 *
 * <p>Camunda counts failed {@code checkPassword} calls per account, refuses even the right
 * password for a delay after each ({@code loginDelayBase} 3 s doubling up to 60 s), and after
 * {@code loginMaxAttempts} (10) locks the account for good ({@code ENGINE-27002}) until a
 * camunda-admin unlocks it. Anyone who knows a username can do that to the admin. Every login
 * (our HTTP Basic and form login, the Camunda webapps) goes through {@code checkPassword}, so
 * both are switched off here: no delay, and a maximum no counter reaches. The application's
 * {@code LoginThrottle} slows guessing instead, per account and per address, with a back-off
 * that always expires.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class EngineHardeningPlugin extends AbstractProcessEnginePlugin {

    /**
     * The engine locks an account for good once its failure counter reaches this: 2^31 - 1
     * failures, which the throttle in front (at most four an hour per account once it waits)
     * keeps out of reach.
     */
    static final int LOGIN_MAX_ATTEMPTS = Integer.MAX_VALUE;

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
        // A zero base makes every delay zero: the lock expires the moment it is set (LOCK_EXP_TIME_ = now).
        configuration.setLoginDelayBase(0);
        configuration.setLoginDelayMaxTime(0);
        configuration.setLoginMaxAttempts(LOGIN_MAX_ATTEMPTS);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        boolean hardened = !configuration.isEnableExpressionsInAdhocQueries()
                && !configuration.isEnableExpressionsInStoredQueries()
                && !configuration.isJavaSerializationFormatEnabled()
                && configuration.isDeserializationTypeValidationEnabled()
                && !configuration.isEnableXxeProcessing()
                && configuration.getQueryMaxResultsLimit() == queryMaxResults
                && configuration.getLoginDelayBase() == 0
                && configuration.getLoginDelayMaxTime() == 0
                && configuration.getLoginMaxAttempts() == LOGIN_MAX_ATTEMPTS;
        if (!hardened) {
            throw new IllegalStateException("A process engine plugin or property re-enabled a feature that "
                    + EngineHardeningPlugin.class.getSimpleName() + " switches off; refusing to start.");
        }
    }

    int queryMaxResults() {
        return queryMaxResults;
    }
}

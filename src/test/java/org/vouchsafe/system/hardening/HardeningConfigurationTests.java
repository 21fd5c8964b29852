package org.vouchsafe.system.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

class HardeningConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(HardeningConfiguration.class, EngineHardeningPlugin.class);

    @Test
    void shouldRegisterTheFilterOnBothCamundaRestSurfacesWithDefaults() {
        context.run(ctx -> {
            FilterRegistrationBean<?> registration = ctx.getBean(FilterRegistrationBean.class);
            assertThat(registration.getUrlPatterns()).containsExactlyInAnyOrder("/engine-rest/*", "/camunda/api/*");
            assertThat(registration.getFilter()).isInstanceOf(ExpressionParameterFilter.class);
            assertThat(ctx.getBean(HardeningProperties.class).maxInspectedBody().toBytes()).isEqualTo(1024 * 1024);
            assertThat(ctx.getBean(EngineHardeningPlugin.class).queryMaxResults()).isEqualTo(2000);
        });
    }

    @Test
    void shouldTakeTheQueryLimitFromProperties() {
        context.withPropertyValues("vouchsafe.hardening.query-max-results=250", "vouchsafe.hardening.max-inspected-body=64KB")
                .run(ctx -> {
                    assertThat(ctx.getBean(EngineHardeningPlugin.class).queryMaxResults()).isEqualTo(250);
                    assertThat(ctx.getBean(HardeningProperties.class).maxInspectedBody().toBytes()).isEqualTo(64 * 1024);
                });
    }

    @Test
    void shouldRefuseANonPositiveQueryLimit() {
        context.withPropertyValues("vouchsafe.hardening.query-max-results=0")
                .run(ctx -> assertThat(ctx).hasFailed());
    }
}

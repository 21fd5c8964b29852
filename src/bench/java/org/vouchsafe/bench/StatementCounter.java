package org.vouchsafe.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts every SQL statement (engine and JPA alike) that goes through the application's
 * DataSource; a batch counts each statement in it. Installed only in the benchmarks.
 */
final class StatementCounter implements BeanPostProcessor {

    static final AtomicLong STATEMENTS = new AtomicLong();
    /** Connection commits (one per committed transaction that touched the database). */
    static final AtomicLong COMMITS = new AtomicLong();
    /** When set, each statement's text is tallied here (for the breakdowns in docs/performance.md). */
    static volatile java.util.Map<String, AtomicLong> capture;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
            return ProxyDataSourceBuilder.create(dataSource).name("bench")
                    .afterMethod(executionContext -> {
                        if ("commit".equals(executionContext.getMethod().getName())
                                && executionContext.getTarget() instanceof java.sql.Connection) {
                            COMMITS.incrementAndGet();
                        }
                    })
                    .listener(new QueryExecutionListener() {
                @Override
                public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
                }

                @Override
                public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
                    long n = execution.isBatch() ? Math.max(1, execution.getBatchSize()) : queries.size();
                    STATEMENTS.addAndGet(n);
                    java.util.Map<String, AtomicLong> sink = capture;
                    if (sink != null) {
                        for (QueryInfo query : queries) {
                            String sql = query.getQuery().replaceAll("\\s+", " ").trim();
                            sink.computeIfAbsent(sql.length() > 160 ? sql.substring(0, 160) : sql, k -> new AtomicLong())
                                    .addAndGet(execution.isBatch() ? Math.max(1, n / queries.size()) : 1);
                        }
                    }
                }
            }).build();
        }
        return bean;
    }
}

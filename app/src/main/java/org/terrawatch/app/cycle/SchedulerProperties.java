package org.terrawatch.app.cycle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The monthly cycle's scheduler ({@code terrawatch.scheduler} in {@code terrawatch.yml}).
 *
 * @param enabled         whether this node runs the calendar's jobs (any number of nodes may: each job runs once)
 * @param interval        how often it looks for due jobs
 * @param lease           how long a node's claim on a running job holds without renewal: a job of a node that died is
 *                        taken over this long after
 * @param satelliteCentre the department that extracts the patches and is reminded of its deadline
 */
@ConfigurationProperties("terrawatch.scheduler")
public record SchedulerProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration interval,
                                  @DefaultValue("10m") Duration lease, @DefaultValue("weixing") String satelliteCentre) {
}

package org.terrawatch.monitoring.summary;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the store holds, at a glance: the counts a leader's dashboard and the health of a deployment start from.
 *
 * @param overduePatches patches past their verification deadline and not yet verified, excluded or closed
 */
public record MonitoringSummary(String store, LocalDate asOf, long adminUnits, long departments, long workingGroups,
                                long users, long baseLayerVersions, long baseFeatures, long imageryEpochs,
                                long monitoringTasks, long patches, Map<String, Long> patchesByCategory,
                                Map<String, Long> patchesByStatus, long overduePatches, long cameras, long camerasOnline,
                                long alerts, Map<String, Long> alertsByScreening, long workOrders,
                                Map<String, Long> workOrdersByState, long attachments, long auditEvents) {
}

package org.terrawatch.demo;

/** What the demo loader stored. */
public record DemoReport(int adminUnits, int baseFeatures, int imageryEpochs, int monitoringTasks, int patches,
                         int cameras, int workOrders) {
}
